package dev.fleetdeck.ui.common;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.ui.theme.Palette;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/** Small helpers to build read-only text columns of our tables, with health colouring where it applies. */
public final class Columns {
    private Columns() {
    }

    /** A text column. */
    public static <R> TableColumn<R, String> text(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    /** A right-aligned number column (already formatted, with units). */
    public static <R> TableColumn<R, String> number(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = text(title, width, value);
        c.getStyleClass().add("number-column");
        return c;
    }

    /** A text column whose text takes the colour of the row's health. */
    public static <R> TableColumn<R, String> health(String title, double width, Function<R, String> value,
                                              Function<R, Health> health) {
        TableColumn<R, String> c = text(title, width, value);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                R row = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
                if (empty || item == null || row == null) {
                    getStyleClass().removeIf(s -> s.startsWith("health-"));
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(item);
                // Change the style class only when the health changed: a class change re-applies CSS to the cell.
                String wanted = Palette.styleClass(health.apply(row));
                if (!getStyleClass().contains(wanted)) {
                    getStyleClass().removeIf(s -> s.startsWith("health-"));
                    getStyleClass().add(wanted);
                }
                // Long messages are cut to the column; the whole text is one hover away.
                if (item.length() > 24) {
                    if (getTooltip() == null) {
                        setTooltip(new javafx.scene.control.Tooltip());
                        getTooltip().setWrapText(true);
                        getTooltip().setMaxWidth(640);
                    }
                    getTooltip().setText(item);
                } else {
                    setTooltip(null);
                }
            }
        });
        return c;
    }

    /**
     * Sets up one of our read-only tables: id, dark table style, fixed row height (virtualised rows), what it says
     * when empty, its columns, the last column taking the spare width.
     */
    @SafeVarargs
    public static <R> void setUp(javafx.scene.control.TableView<R> table, String id, double rowHeight,
                                 String placeholder, TableColumn<R, String>... columns) {
        table.setId(id);
        table.getStyleClass().add("fleet-table");
        table.setFixedCellSize(rowHeight);
        table.setPlaceholder(new javafx.scene.control.Label(placeholder));
        table.getColumns().setAll(java.util.List.of(columns));
        table.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
    }

    /** A converter that only turns values into text (for choice boxes, check lists and axes). */
    public static <T> javafx.util.StringConverter<T> toText(Function<T, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("display only");
            }
        };
    }
}
