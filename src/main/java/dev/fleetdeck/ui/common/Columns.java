package dev.fleetdeck.ui.common;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.ui.theme.Palette;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.function.Function;

/** Small helpers to build read-only text columns of our tables, with health colouring where it applies. */
public final class Columns {
    private Columns() {
    }

    /**
     * A text column. Its header never ends in "…" (the column is at least as wide as its title); a value cut to the
     * column shows whole on hover.
     */
    public static <R> TableColumn<R, String> text(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setCellFactory(col -> new HoverTextCell<>());
        c.setPrefWidth(width);
        fitTitle(c);
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    /** Keeps a column at least as wide as its title (with room for the sort arrow). */
    public static void fitTitle(TableColumn<?, ?> c) {
        Text measure = new Text(c.getText());
        measure.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, HEADER_FONT_PX));
        double needed = Math.ceil(measure.getLayoutBounds().getWidth()) + HEADER_PADDING_PX;
        c.setMinWidth(Math.max(c.getMinWidth(), needed));
        c.setPrefWidth(Math.max(c.getPrefWidth(), needed));
    }

    /** Keeps a column at least as wide as {@code sample} in the cells' font, for values that must show whole. */
    public static <C extends TableColumn<?, ?>> C atLeast(C c, String sample) {
        Text measure = new Text(sample);
        measure.setFont(Font.font(Font.getDefault().getFamily(), HEADER_FONT_PX));
        double needed = Math.ceil(measure.getLayoutBounds().getWidth()) + HEADER_PADDING_PX;
        c.setMinWidth(Math.max(c.getMinWidth(), needed));
        c.setPrefWidth(Math.max(c.getPrefWidth(), needed));
        return c;
    }

    /** The headers' font size in the stylesheets (at the default type scale) and the room beside the title. */
    private static final double HEADER_FONT_PX = 14;
    private static final double HEADER_PADDING_PX = 26;

    /** A table cell whose whole text is one hover away (the tooltip's text is set only when it shows). */
    public static final class HoverTextCell<R> extends TableCell<R, String> {
        private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

        public HoverTextCell() {
            tip.setWrapText(true);
            tip.setMaxWidth(640);
            tip.setOnShowing(e -> tip.setText(getItem() == null ? "" : getItem()));
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.isEmpty() ? null : tip);
        }
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
        table.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        keepColumnTitlesInside(table);
    }

    /**
     * Columns give up width from the last one on when the table is narrow, never below their title; and the table
     * asks its container for at least the sum of those minimums, so no title is pushed past the table's edge (where
     * a narrow window used to hide "Cost" and "Idle for" behind a scroll bar).
     */
    private static void keepColumnTitlesInside(javafx.scene.control.TableView<?> table) {
        Runnable fit = () -> {
            double sum = 0;
            for (TableColumn<?, ?> c : table.getColumns()) {
                sum += c.isVisible() ? c.getMinWidth() : 0;
            }
            javafx.geometry.Insets in = table.getInsets();
            table.setMinWidth(Math.ceil(sum + in.getLeft() + in.getRight() + SCROLL_BAR_PX));
        };
        for (TableColumn<?, ?> c : table.getColumns()) {
            c.minWidthProperty().addListener((o, a, b) -> fit.run());
            c.visibleProperty().addListener((o, a, b) -> fit.run());
        }
        table.insetsProperty().addListener((o, a, b) -> fit.run());
        fit.run();
    }

    /** Room for the vertical scroll bar beside the columns. */
    private static final double SCROLL_BAR_PX = 16;

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
