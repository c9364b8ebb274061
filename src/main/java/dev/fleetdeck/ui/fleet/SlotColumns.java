package dev.fleetdeck.ui.fleet;

import dev.fleetdeck.ui.theme.Palette;
import dev.fleetdeck.ui.common.Columns;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

import java.util.function.Function;

/**
 * Columns of the fleet table: each cell shows a function of the row its position holds, through a lazy binding,
 * so a new row changes the cell's text (and, in the health column, its colour) without rebuilding the cell.
 */
final class SlotColumns {
    private SlotColumns() {
    }

    /**
     * A cell whose new text does not lay its row out again. Cells sit at fixed places in a fixed-height row, but a
     * managed cell's text change marks the row, and so the virtual flow, for layout; the flow then re-applies CSS
     * to every visible row (JavaFX's VirtualFlow does so for each cell that needs layout): 1,000 style transitions
     * per snapshot, two thirds of the table's FX-thread time. An unmanaged cell lays out only itself; the row still
     * places it, and a column resize still moves it.
     */
    static class SlotCell extends TableCell<FleetTableView.Slot, String> {
        SlotCell() {
            setManaged(false);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }
    }

    static TableColumn<FleetTableView.Slot, String> text(String title, double width, Function<FleetRow, String> text) {
        TableColumn<FleetTableView.Slot, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> f.getValue().rowProperty().map(text));
        c.setCellFactory(col -> new SlotCell());
        c.setPrefWidth(width);
        Columns.fitTitle(c);
        c.setReorderable(false);
        return c;
    }

    static TableColumn<FleetTableView.Slot, String> number(String title, double width,
                                                           Function<FleetRow, String> text) {
        TableColumn<FleetTableView.Slot, String> c = text(title, width, text);
        c.getStyleClass().add("number-column");
        return c;
    }

    /** Text in the colour of the row's health, with the whole text as a tooltip when it is long. */
    static TableColumn<FleetTableView.Slot, String> health(String title, double width,
                                                           Function<FleetRow, String> text) {
        TableColumn<FleetTableView.Slot, String> c = text(title, width, text);
        c.setCellFactory(col -> new SlotCell() {
            private final Tooltip tip = new Tooltip();

            {
                tip.setWrapText(true);
                tip.setMaxWidth(640);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                FleetTableView.Slot slot = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (empty || item == null || slot == null) {
                    getStyleClass().removeIf(s -> s.startsWith("health-"));
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(item);
                String wanted = Palette.styleClass(slot.row().health());
                if (!getStyleClass().contains(wanted)) {
                    getStyleClass().removeIf(s -> s.startsWith("health-"));
                    getStyleClass().add(wanted);
                }
                if (item.length() > 28) {
                    tip.setText(item);
                    if (getTooltip() != tip) {
                        setTooltip(tip);
                    }
                } else if (getTooltip() != null) {
                    setTooltip(null);
                }
            }
        });
        return c;
    }
}
