package dev.fleetdeck.ui.settings;

import dev.fleetdeck.config.ConfigEdit;
import dev.fleetdeck.config.ConfigTree;
import dev.fleetdeck.config.OptionForms;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;

import java.util.Map;

/**
 * Settings → Recording: the flight recorder's {@code recording} section as a form generated from the code that reads
 * it (on/off, resolution, retention, size limit, location). Takes effect when FleetDeck starts again. FX thread.
 */
final class RecordingTab {
    private final ConfigEdit edit;
    private final OptionForms forms;
    private final SettingsWorker worker;
    private final Tab tab = new Tab("Recording");

    RecordingTab(ConfigEdit edit, OptionForms forms, SettingsWorker worker) {
        this.edit = edit;
        this.forms = forms;
        this.worker = worker;
        tab.setId("settings-tab-recording");
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
        Map<String, Object> recording = edit.tree().get("recording") instanceof Map<?, ?> m
                ? (Map<String, Object>) ConfigTree.copy(m) : Map.of();
        worker.run(() -> forms.describeRecording(recording), this::build, e -> { });
    }

    private void build(OptionForms.Form form) {
        OptionGrid grid = new OptionGrid();
        grid.heading("Flight recorder");
        grid.fields(form.options(), edit.tree(), "recording.", () -> { });
        grid.showErrors(form.errors());
        Label note = new Label("Every frame is kept (one per resolution step) in hourly DuckDB files that other tools"
                + " can open once an hour is sealed; the oldest go when the retention or the size limit is reached."
                + " A change takes effect when FleetDeck starts again.");
        note.getStyleClass().add("settings-hint");
        note.setWrapText(true);
        VBox box = new VBox(12, grid.node(), note);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        tab.setContent(scroll);
    }
}
