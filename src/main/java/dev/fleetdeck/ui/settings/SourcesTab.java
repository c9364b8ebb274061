package dev.fleetdeck.ui.settings;

import dev.fleetdeck.config.ConfigEdit;
import dev.fleetdeck.config.ConfigTree;
import dev.fleetdeck.config.OptionField;
import dev.fleetdeck.config.OptionForms;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings → Sources: the configured sources on the left (add, duplicate, remove), the selected one's form on the
 * right. The form is generated from what the provider's factory reads ({@link OptionForms}), re-described after every
 * edit so errors, and options that depend on others, follow the values. "Test connection" polls the source once on
 * the settings thread. FX thread.
 */
final class SourcesTab {
    private final ConnectionTester tester;
    private final ConfigEdit edit;
    private final OptionForms forms;
    private final SettingsWorker worker;
    private final ObservableList<Map<String, Object>> entries = FXCollections.observableArrayList();
    private final ListView<Map<String, Object>> list = new ListView<>(entries);
    private final ScrollPane formPane = new ScrollPane();
    private final Tab tab = new Tab("Sources");
    private Map<String, Object> shown;
    private List<OptionField> shownFields = List.of();
    private OptionGrid grid;
    private Label testResult;

    @SuppressWarnings("unchecked")
    SourcesTab(ConfigEdit edit, OptionForms forms, ConnectionTester tester, SettingsWorker worker) {
        this.tester = tester;
        this.edit = edit;
        this.forms = forms;
        this.worker = worker;
        for (Object o : edit.providers()) {
            if (o instanceof Map<?, ?> m) {
                entries.add((Map<String, Object>) m);
            }
        }
        list.setId("settings-sources");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Map<String, Object> item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getOrDefault("name", "(unnamed)") + "  ·  "
                        + item.getOrDefault("type", "?"));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> show(is));

        MenuButton add = new MenuButton("Add source");
        add.setId("settings-add");
        for (String type : forms.types()) {
            MenuItem item = new MenuItem(type + " — " + forms.description(type));
            item.setId("settings-add-" + type);
            item.setOnAction(e -> addSource(type));
            add.getItems().add(item);
        }
        Button duplicate = new Button("Duplicate");
        duplicate.setOnAction(e -> duplicateSelected());
        Button remove = new Button("Remove");
        remove.setId("settings-remove");
        remove.setOnAction(e -> removeSelected());
        HBox buttons = new HBox(6, add, duplicate, remove);
        VBox left = new VBox(8, list, buttons);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(10));
        left.setMinWidth(300);

        formPane.setFitToWidth(true);
        formPane.setPadding(new Insets(10));
        SplitPane split = new SplitPane(left, formPane);
        split.setDividerPositions(0.28);
        tab.setContent(split);
        tab.setClosable(false);
        if (!entries.isEmpty()) {
            list.getSelectionModel().selectFirst();
        } else {
            formPane.setContent(new Label("No sources yet: add one with \"Add source\"."));
        }
    }

    Tab tab() {
        return tab;
    }

    private void addSource(String type) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", uniqueName(type));
        entry.put("type", type);
        entry.put("options", new LinkedHashMap<String, Object>());
        edit.providers().add(entry);
        entries.add(entry);
        list.getSelectionModel().select(entry);
    }

    @SuppressWarnings("unchecked")
    private void duplicateSelected() {
        Map<String, Object> selected = list.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        Map<String, Object> copy = (Map<String, Object>) ConfigTree.copy(selected);
        copy.put("name", uniqueName(String.valueOf(selected.getOrDefault("name", "source"))));
        edit.providers().add(copy);
        entries.add(copy);
        list.getSelectionModel().select(copy);
    }

    private void removeSelected() {
        Map<String, Object> selected = list.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        edit.providers().removeIf(o -> o == selected);
        entries.remove(selected);
        if (entries.isEmpty()) {
            shown = null;
            formPane.setContent(new Label("No sources: add one with \"Add source\"; at least one is needed."));
        }
    }

    private String uniqueName(String base) {
        String stem = base.replaceAll("-\\d+$", "");
        for (int i = 1; ; i++) {
            String candidate = stem + "-" + i;
            if (entries.stream().noneMatch(e -> candidate.equals(e.get("name")))) {
                return candidate;
            }
        }
    }

    /** Describes the entry in the background, then builds its form. */
    private void show(Map<String, Object> entry) {
        shown = entry;
        if (entry == null) {
            return;
        }
        Map<String, Object> snapshot = copyOf(entry);
        worker.run(() -> forms.describeProvider(snapshot), form -> {
            if (shown == entry) {
                build(entry, form);
            }
        }, e -> formPane.setContent(new Label("Cannot describe this source: " + e.getMessage())));
    }

    private void build(Map<String, Object> entry, OptionForms.Form form) {
        grid = new OptionGrid();
        String type = String.valueOf(entry.get("type"));
        grid.heading("Source · " + type + " — " + forms.description(type));
        grid.fields(form.common(), entry, "", () -> refresh(entry));
        if (!form.options().isEmpty()) {
            grid.heading("Options");
            grid.fields(form.options(), entry, "options.", () -> refresh(entry));
        }
        Button test = new Button("Test connection");
        test.setId("settings-test");
        testResult = new Label("Polls this source once, with the values above (not yet saved).");
        testResult.setId("settings-test-result");
        testResult.getStyleClass().add("settings-hint");
        testResult.setWrapText(true);
        test.setOnAction(e -> testConnection(entry, test));
        grid.add(test, testResult);
        grid.showErrors(form.errors());
        shownFields = fieldsOf(form);
        formPane.setContent(grid.node());
    }

    /** After an edit: new errors, and a new form when the options read changed (e.g. auth type now bearer). */
    private void refresh(Map<String, Object> entry) {
        // Keep the type-specific options last, as people write them.
        Object options = entry.remove("options");
        if (options != null) {
            entry.put("options", options);
        }
        list.refresh();
        Map<String, Object> snapshot = copyOf(entry);
        worker.run(() -> forms.describeProvider(snapshot), form -> {
            if (shown != entry) {
                return;
            }
            if (fieldsOf(form).equals(shownFields)) {
                grid.showErrors(form.errors());
            } else {
                build(entry, form);
            }
        }, e -> { });
    }

    private void testConnection(Map<String, Object> entry, Button button) {
        button.setDisable(true);
        testResult.getStyleClass().removeAll("settings-ok", "settings-error");
        testResult.setText("Testing…");
        Map<String, Object> snapshot = copyOf(entry);
        worker.run(() -> tester.test(snapshot), result -> {
            button.setDisable(false);
            testResult.setText((result.ok() ? "✔ " : "✖ ") + result.summary()
                    + (result.warnings().isEmpty() ? "" : "\n" + String.join("\n", result.warnings())));
            testResult.getStyleClass().add(result.ok() ? "settings-ok" : "settings-error");
        }, e -> {
            button.setDisable(false);
            testResult.setText("✖ " + e.getMessage());
            testResult.getStyleClass().add("settings-error");
        });
    }

    private static List<OptionField> fieldsOf(OptionForms.Form form) {
        return java.util.stream.Stream.concat(form.common().stream(), form.options().stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copyOf(Map<String, Object> entry) {
        return (Map<String, Object>) ConfigTree.copy(entry);
    }
}
