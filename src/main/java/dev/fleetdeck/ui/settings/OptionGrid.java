package dev.fleetdeck.ui.settings;

import dev.fleetdeck.config.ConfigError;
import dev.fleetdeck.config.OptionField;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;

/**
 * A form generated from {@link OptionField}s: one row per option with its key, an editor, and a hint saying what it
 * takes (sort, default, range). Errors of the current values are listed under it. FX thread.
 */
final class OptionGrid {
    private final GridPane grid = new GridPane();
    private final VBox errors = new VBox(3);
    private final VBox root = new VBox(10, grid, errors);
    private int row;

    OptionGrid() {
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints key = new ColumnConstraints();
        key.setMinWidth(150);
        key.setHalignment(HPos.RIGHT);
        ColumnConstraints editor = new ColumnConstraints(220, 340, Double.MAX_VALUE);
        editor.setHgrow(Priority.ALWAYS);
        ColumnConstraints hint = new ColumnConstraints();
        hint.setMinWidth(200);
        grid.getColumnConstraints().addAll(key, editor, hint);
        errors.getStyleClass().add("settings-errors");
    }

    Node node() {
        return root;
    }

    /** A heading row spanning the grid. */
    void heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        l.setWrapText(true);
        GridPane.setHalignment(l, HPos.LEFT);
        grid.add(l, 0, row++, 3, 1);
    }

    /** Rows for {@code fields}, editing {@code values} under {@code base}. */
    void fields(List<OptionField> fields, Map<String, Object> values, String base, Runnable committed) {
        for (OptionField f : fields) {
            Label key = new Label(f.path());
            key.getStyleClass().add("settings-key");
            Node editor = FieldEditors.editor(f, values, base, committed);
            Label hint = new Label(hint(f));
            hint.getStyleClass().add("settings-hint");
            hint.setWrapText(true);
            grid.addRow(row++, key, editor, hint);
        }
    }

    /** Any other row (e.g. a button). */
    void add(Node left, Node right) {
        grid.addRow(row++, left, right);
    }

    /** Shows the current problems (or none). */
    void showErrors(List<ConfigError> list) {
        errors.getChildren().clear();
        for (ConfigError e : list) {
            Label l = new Label("✖ " + (e.path().isEmpty() ? "" : e.path() + ": ") + e.message());
            l.getStyleClass().add("settings-error");
            l.setWrapText(true);
            errors.getChildren().add(l);
        }
    }

    static String hint(OptionField f) {
        StringBuilder s = new StringBuilder(f.kind().hint());
        if (!f.defaultValue().isEmpty()) {
            s.append(" · default ").append(f.defaultValue());
        }
        if (!f.range().isEmpty()) {
            s.append(" · ").append(f.range());
        }
        return s.toString();
    }
}
