package dev.fleetdeck.ui.common;

import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.ArrayList;
import java.util.List;

/**
 * A small table of labels (a header row and up to {@code maxRows} rows) for custom tiles. Labels are created once
 * and reused: an update only sets texts and style classes, so a snapshot costs no node churn.
 */
public final class TextGrid {
    private final GridPane grid = new GridPane();
    private final int columns;
    private final int maxRows;
    private final List<Label[]> rows = new ArrayList<>();

    /**
     * @param headers column headers
     * @param rightAligned which columns hold numbers (right-aligned)
     * @param maxRows   rows shown at most
     */
    public TextGrid(List<String> headers, boolean[] rightAligned, int maxRows) {
        this.columns = headers.size();
        this.maxRows = maxRows;
        grid.getStyleClass().add("text-grid");
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(rightAligned[c] ? HPos.RIGHT : HPos.LEFT);
            cc.setHgrow(c == 0 ? Priority.ALWAYS : Priority.SOMETIMES);
            grid.getColumnConstraints().add(cc);
            Label header = new Label(headers.get(c));
            header.getStyleClass().add("column-header");
            header.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.add(header, c, 0);
        }
    }

    public GridPane node() {
        return grid;
    }

    /** Sets the visible rows; extra rows are hidden, missing ones created. */
    public void setRows(List<Row> data) {
        int shown = Math.min(maxRows, data.size());
        while (rows.size() < shown) {
            Label[] labels = new Label[columns];
            int r = rows.size() + 1;
            for (int c = 0; c < columns; c++) {
                labels[c] = new Label();
                labels[c].getStyleClass().add("cell");
                labels[c].setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                grid.add(labels[c], c, r);
            }
            rows.add(labels);
        }
        for (int r = 0; r < rows.size(); r++) {
            Label[] labels = rows.get(r);
            boolean visible = r < shown;
            for (int c = 0; c < columns; c++) {
                labels[c].setVisible(visible);
                labels[c].setManaged(visible);
                if (visible) {
                    Row row = data.get(r);
                    labels[c].setText(row.cells().get(c));
                    String cls = row.styleClasses().get(c);
                    labels[c].getStyleClass().setAll("cell");
                    if (!cls.isEmpty()) {
                        labels[c].getStyleClass().addAll(cls.split(" "));
                    }
                }
            }
        }
    }

    /** The text of a cell (row 0 is the first data row), for tests. */
    public String cellText(int row, int column) {
        return rows.get(row)[column].getText();
    }

    /**
     * One row: cell texts and, per cell, extra style classes (space-separated, or empty).
     */
    public record Row(List<String> cells, List<String> styleClasses) {
        public static Row of(List<String> cells) {
            return new Row(cells, cells.stream().map(c -> "").toList());
        }
    }
}
