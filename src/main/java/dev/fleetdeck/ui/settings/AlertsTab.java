package dev.fleetdeck.ui.settings;

import dev.fleetdeck.config.AlertRuleText;
import dev.fleetdeck.config.ConfigEdit;
import dev.fleetdeck.config.ConfigTree;
import dev.fleetdeck.config.OptionForms;
import dev.fleetdeck.model.AlertRule;
import dev.fleetdeck.model.AlertSettings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Settings → Alerts: the general alert options (idle threshold, clear-after, notifications…) as a generated form,
 * and every rule in force with its threshold, duration and severity editable in place. Editing a built-in rule
 * writes a rule of the same name under {@code alerts.rules}, which replaces it; "Revert" removes that again.
 * FX thread.
 */
final class AlertsTab {
    private final ConfigEdit edit;
    private final OptionForms forms;
    private final SettingsWorker worker;
    private final Tab tab = new Tab("Alerts");
    private final OptionGrid general = new OptionGrid();
    private final ObservableList<Map<String, Object>> rows = FXCollections.observableArrayList();
    private final TableView<Map<String, Object>> table = new TableView<>(rows);
    private final Set<String> builtIn = AlertSettings.defaultRules().stream().map(AlertRule::name)
            .collect(Collectors.toSet());

    AlertsTab(ConfigEdit edit, OptionForms forms, SettingsWorker worker) {
        this.edit = edit;
        this.forms = forms;
        this.worker = worker;
        table.setId("settings-rules");
        table.setEditable(true);
        table.getColumns().add(column("Rule", r -> String.valueOf(r.get("name")), 190, null));
        table.getColumns().add(column("Metric", r -> String.valueOf(r.get("metric")), 170, null));
        table.getColumns().add(column("Condition", r -> r.containsKey("below") ? "below"
                : r.containsKey("reason") ? "reason" : "above", 90, null));
        table.getColumns().add(column("Threshold", AlertsTab::threshold, 110, this::setThreshold));
        table.getColumns().add(column("For", r -> String.valueOf(r.getOrDefault("for", "0s")), 80,
                (r, v) -> r.put("for", v)));
        TableColumn<Map<String, Object>, String> severity = column("Severity",
                r -> String.valueOf(r.get("severity")), 90, (r, v) -> r.put("severity", v));
        severity.setCellFactory(ChoiceBoxTableCell.forTableColumn("warn", "crit"));
        table.getColumns().add(severity);
        table.getColumns().add(column("Scope", r -> String.valueOf(r.get("scope")), 90, null));
        table.getColumns().add(column("Origin", this::origin, 150, null));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button revert = new Button("Revert rule to built-in");
        revert.setOnAction(e -> revertSelected());
        Label note = new Label("Double-click a threshold, duration or severity to change it. Rules with other "
                + "conditions (scope, match) are edited in the file.");
        note.getStyleClass().add("settings-hint");
        VBox box = new VBox(10, general.node(), new Label("Rules"), table, note, revert);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        tab.setContent(scroll);
        tab.setClosable(false);
        load();
    }

    Tab tab() {
        return tab;
    }

    private Map<String, Object> alerts() {
        return ConfigTree.mapping(edit.tree(), "alerts");
    }

    /** Describes the section and lists the rules in force, in the background. */
    private void load() {
        Map<String, Object> snapshot = copy(current());
        worker.run(() -> new Loaded(forms.describeAlerts(snapshot), forms.effectiveRules(snapshot)), loaded -> {
            if (!loadedOnce) {
                general.fields(loaded.form().options(), edit.tree(), "alerts.", this::afterEdit);
                loadedOnce = true;
            }
            general.showErrors(loaded.form().errors());
            rows.setAll(loaded.rules().stream().map(AlertRuleText::toTree).toList());
        }, e -> general.showErrors(List.of()));
    }

    private boolean loadedOnce;

    private record Loaded(OptionForms.Form form, List<AlertRule> rules) {
    }

    private void afterEdit() {
        if (current().isEmpty()) {
            edit.tree().remove("alerts");
        }
        load();
    }

    /** The {@code alerts} section as it is now, without creating it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> current() {
        return edit.tree().get("alerts") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private String origin(Map<String, Object> rule) {
        String name = String.valueOf(rule.get("name"));
        boolean configured = configuredRules().stream().anyMatch(r -> r instanceof Map<?, ?> m
                && name.equals(m.get("name")));
        if (builtIn.contains(name)) {
            return configured ? "built-in, changed" : "built-in";
        }
        return "configuration";
    }

    private List<Object> configuredRules() {
        Object rules = current().get("rules");
        return rules instanceof List<?> l ? List.copyOf(l) : List.of();
    }

    private static String threshold(Map<String, Object> r) {
        Object v = r.containsKey("reason") ? r.get("reason") : r.containsKey("below") ? r.get("below") : r.get("above");
        return String.valueOf(v);
    }

    private void setThreshold(Map<String, Object> r, String value) {
        r.put(r.containsKey("reason") ? "reason" : r.containsKey("below") ? "below" : "above", value);
    }

    /** Writes an edited rule under {@code alerts.rules}, replacing the one of the same name. */
    private void store(Map<String, Object> rule) {
        List<Object> list = ConfigTree.list(alerts(), "rules");
        list.removeIf(o -> o instanceof Map<?, ?> m && rule.get("name").equals(m.get("name")));
        list.add(copy(rule));
        afterEdit();
    }

    private void revertSelected() {
        Map<String, Object> selected = table.getSelectionModel().getSelectedItem();
        if (selected == null || !builtIn.contains(String.valueOf(selected.get("name")))) {
            return;
        }
        Object rules = current().get("rules");
        if (rules instanceof List<?> l) {
            l.removeIf(o -> o instanceof Map<?, ?> m && selected.get("name").equals(m.get("name")));
            if (l.isEmpty()) {
                alerts().remove("rules");
            }
        }
        afterEdit();
    }

    private TableColumn<Map<String, Object>, String> column(String title, Function<Map<String, Object>, String> get,
                                                            double width,
                                                            java.util.function.BiConsumer<Map<String, Object>, String> set) {
        TableColumn<Map<String, Object>, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(get.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        if (set != null) {
            c.setCellFactory(TextFieldTableCell.forTableColumn());
            c.setOnEditCommit(e -> {
                Map<String, Object> rule = copy(e.getRowValue());
                set.accept(rule, e.getNewValue().strip());
                store(rule);
            });
        } else {
            c.setEditable(false);
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> m) {
        return (Map<String, Object>) ConfigTree.copy(m);
    }
}
