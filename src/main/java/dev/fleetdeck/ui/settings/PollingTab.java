package dev.fleetdeck.ui.settings;

import dev.fleetdeck.config.ConfigEdit;
import dev.fleetdeck.config.ConfigTree;
import dev.fleetdeck.config.OptionField;
import dev.fleetdeck.config.OptionForms;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;

/**
 * Settings → Polling: the {@code polling} section as a generated form, and each source's interval, timeout and
 * backoff cap side by side (the same values as in its own form). Rebuilt whenever the tab is shown, so it follows
 * edits made under Sources. FX thread.
 */
final class PollingTab {
    private final ConfigEdit edit;
    private final OptionForms forms;
    private final SettingsWorker worker;
    private final Tab tab = new Tab("Polling");

    PollingTab(ConfigEdit edit, OptionForms forms, SettingsWorker worker) {
        this.edit = edit;
        this.forms = forms;
        this.worker = worker;
        tab.setClosable(false);
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                load();
            }
        });
    }

    Tab tab() {
        return tab;
    }

    @SuppressWarnings("unchecked")
    private void load() {
        Map<String, Object> polling = edit.tree().get("polling") instanceof Map<?, ?> m
                ? (Map<String, Object>) ConfigTree.copy(m) : Map.of();
        List<Map<String, Object>> entries = new java.util.ArrayList<>();
        for (Object o : edit.providers()) {
            if (o instanceof Map<?, ?> m) {
                entries.add((Map<String, Object>) m);
            }
        }
        List<Map<String, Object>> copies = entries.stream()
                .map(e -> (Map<String, Object>) ConfigTree.copy(e)).toList();
        worker.run(() -> new Described(forms.describePolling(polling),
                        copies.stream().map(forms::describeProvider).toList()),
                d -> build(d, entries), e -> { });
    }

    private record Described(OptionForms.Form polling, List<OptionForms.Form> sources) {
    }

    /** The schedule keys of a source's common fields. */
    private static final java.util.Set<String> SCHEDULE = java.util.Set.of("interval", "timeout", "backoff-max");

    private void build(Described d, List<Map<String, Object>> entries) {
        OptionGrid grid = new OptionGrid();
        grid.heading("Fleet");
        grid.fields(d.polling().options(), edit.tree(), "polling.", () -> { });
        grid.showErrors(d.polling().errors());
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> entry = entries.get(i);
            List<OptionField> schedule = d.sources().get(i).common().stream()
                    .filter(f -> SCHEDULE.contains(f.path())).toList();
            grid.heading("Source " + entry.getOrDefault("name", "(unnamed)") + " · " + entry.get("type"));
            grid.fields(schedule, entry, "", () -> { });
        }
        Label note = new Label("A source is polled again one interval after its last poll ended; a poll that takes "
                + "longer than the timeout counts as failed and is retried with backoff.");
        note.getStyleClass().add("settings-hint");
        note.setWrapText(true);
        VBox box = new VBox(12, grid.node(), note);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        tab.setContent(scroll);
    }
}
