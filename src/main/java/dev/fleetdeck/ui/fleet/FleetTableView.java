package dev.fleetdeck.ui.fleet;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.ui.common.FleetView;
import dev.fleetdeck.ui.common.HeaderBar;
import dev.fleetdeck.ui.common.NodeKey;
import dev.fleetdeck.ui.common.Offload;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.theme.Palette;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The fleet table: one row per node, expandable to its GPUs, over every column an operator sorts or filters by.
 * Filtering and sorting run on the view worker ({@link FleetRows}); the FX thread only hands each table position
 * its new row and puts the selection and scroll position back on the same node. Cells format only the rows on
 * screen. FX thread only.
 *
 * <p>The table's items are positions ({@link Slot}), not rows: a new snapshot changes what each position holds and
 * the cells on screen follow through their value bindings. Replacing the item list instead makes the table rebuild
 * every visible cell, CSS included, which cost 10–20 ms per update at 1920×1080.
 */
public final class FleetTableView implements FleetView {
    /** One position of the table; holds the row shown there now. */
    public static final class Slot {
        private final javafx.beans.property.ReadOnlyObjectWrapper<FleetRow> row;

        Slot(FleetRow row) {
            this.row = new javafx.beans.property.ReadOnlyObjectWrapper<>(row);
        }

        public FleetRow row() {
            return row.get();
        }

        javafx.beans.value.ObservableValue<FleetRow> rowProperty() {
            return row.getReadOnlyProperty();
        }
    }

    static final double ROW_HEIGHT = 28;

    private final BorderPane root = new BorderPane();
    private final Label counts = new Label("waiting for the first poll");
    private final ObservableList<Slot> items = FXCollections.observableArrayList();
    private final TableView<Slot> table = new TableView<>(items);
    private final Map<FleetColumn, TableColumn<Slot, String>> columns = new EnumMap<>(FleetColumn.class);
    private final FleetFilterBar filterBar;
    private final Offload.Channel<FleetRows.Result> channel;
    private final Set<String> expanded = new HashSet<>();
    private FleetSnapshot snapshot;
    private FleetFilter filter = FleetFilter.NONE;
    private FleetSort sort = FleetSort.NATURAL;
    /** A new order or filter shows its first rows; a new snapshot in the same order keeps the view where it was. */
    private boolean toTop;
    private final Label placeholder = new Label("Waiting for the first answer of the sources…");
    private BiConsumer<String, Integer> onOpen = (key, gpu) -> { };
    private boolean applying;
    private FleetRows.Result shown;
    private final SparkLines sparkLines;
    private VirtualFlow<?> scrolled;

    public FleetTableView(Offload offload) {
        channel = offload.channel(this::apply);
        sparkLines = new SparkLines(offload);
        filterBar = new FleetFilterBar(f -> {
            filter = f;
            toTop = true;
            recompute();
        });
        root.getStyleClass().add("fleet-view");
        counts.setId("fleet-counts");
        root.setTop(new VBox(HeaderBar.of("Fleet", counts), filterBar.node()));
        buildTable();
        root.setCenter(table);
    }

    private void buildTable() {
        table.setId("fleet-table");
        table.getStyleClass().add("fleet-table");
        table.setFixedCellSize(ROW_HEIGHT);
        placeholder.setId("fleet-empty");
        placeholder.getStyleClass().add("empty-state");
        table.setPlaceholder(placeholder);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        add(FleetColumn.NODE, SlotColumns.text("Node", 230, FleetTableView::nodeText));
        // Host names are what an operator reads first: the column gives up width last.
        columns.get(FleetColumn.NODE).setMinWidth(210);
        add(FleetColumn.PROVIDER, SlotColumns.text("Provider", 120, r -> r.isGpu() ? "" : r.node().provider()));
        add(FleetColumn.REGION, SlotColumns.text("Region", 130, r -> r.isGpu() ? "" : r.node().region()));
        add(FleetColumn.MODEL, SlotColumns.text("Model", 100, r -> r.isGpu() ? r.gpu().model() : r.node().gpuModel()));
        add(FleetColumn.GPUS, SlotColumns.number("GPUs", 90, FleetTableView::gpusText));
        add(FleetColumn.STATE, SlotColumns.text("State", 115, r -> r.isGpu() ? "" : r.node().state().label()));
        add(FleetColumn.TENANT, SlotColumns.text("Tenant", 150, r -> r.isGpu() ? ""
                : r.node().tenant().orElse(Units.ABSENT)));
        add(FleetColumn.UTILIZATION, SlotColumns.number("Util", 80, r -> Units.percent(r.util(), 0)));
        add(FleetColumn.MEMORY, SlotColumns.number("Memory", 90, r -> Units.percent(r.memoryPct(), 0)));
        add(FleetColumn.TEMPERATURE, SlotColumns.number("Temp", 80, r -> Units.celsius(r.tempC())));
        add(FleetColumn.POWER, SlotColumns.number("Power", 95, r -> powerText(r.powerW())));
        table.getColumns().add(sparkLines.column());
        add(FleetColumn.HEALTH, SlotColumns.health("Health", 330, FleetTableView::healthText));
        add(FleetColumn.AGE, SlotColumns.number("Data age", 95, r -> r.ageMs() < 0 ? "no data"
                : Units.age(Duration.ofMillis(r.ageMs()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_SUBSEQUENT_COLUMNS);
        // Sorting happens in FleetRows on the worker; the table only shows the arrow. The new rows are asked for
        // after the table's own sort call has returned: swapping its items from inside that call is not allowed.
        table.setSortPolicy(t -> {
            if (!applying) {
                FleetSort next = currentSort();
                if (!next.equals(sort)) {
                    sort = next;
                    toTop = true;
                    javafx.application.Platform.runLater(this::recompute);
                }
            }
            return true;
        });
        table.setRowFactory(t -> {
            TableRow<Slot> row = new TableRow<>() {
                private final javafx.beans.value.ChangeListener<FleetRow> kind =
                        (o, a, b) -> pseudoClassStateChanged(GPU_ROW, b != null && b.isGpu());
                private Slot watched;

                @Override
                protected void updateItem(Slot item, boolean empty) {
                    super.updateItem(item, empty);
                    if (watched != item) {
                        if (watched != null) {
                            watched.rowProperty().removeListener(kind);
                        }
                        watched = empty ? null : item;
                        if (watched != null) {
                            watched.rowProperty().addListener(kind);
                        }
                    }
                    pseudoClassStateChanged(GPU_ROW, !empty && item != null && item.row().isGpu());
                }
            };
            // The full GPU UUID (the GPUs column shows its start) on hover; the text is made only when it shows.
            Tooltip tip = new Tooltip();
            tip.setOnShowing(e -> tip.setText(row.getItem() == null ? "" : RowIdentity.tooltipText(row.getItem().row())));
            row.setTooltip(tip);
            row.setOnMouseClicked(e -> {
                FleetRow item = row.getItem() == null ? null : row.getItem().row();
                if (item == null || e.getButton() != MouseButton.PRIMARY) {
                    return;
                }
                if (e.getClickCount() == 2) {
                    open(item);
                } else if (!item.isGpu() && e.getX() < 28) {
                    toggle(item);
                }
            });
            return row;
        });
        table.setContextMenu(RowIdentity.copyMenu(this::selectedRow));
        table.setOnKeyPressed(e -> {
            FleetRow item = selectedRow();
            if (item == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER) {
                open(item);
                e.consume();
            } else if (RowIdentity.COPY.match(e)) {
                RowIdentity.copy(item);
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT && !item.isGpu() && !item.expanded()
                    || e.getCode() == KeyCode.LEFT && !item.isGpu() && item.expanded()) {
                toggle(item);
                e.consume();
            }
        });
    }

    private static final javafx.css.PseudoClass GPU_ROW = javafx.css.PseudoClass.getPseudoClass("gpu");
    private FleetRow selectedRow() {
        Slot slot = table.getSelectionModel().getSelectedItem();
        return slot == null ? null : slot.row();
    }

    private void add(FleetColumn key, TableColumn<Slot, String> column) {
        column.setSortable(true);
        column.setUserData(key);
        column.setId("col-" + key.name().toLowerCase(java.util.Locale.ROOT));
        columns.put(key, column);
        table.getColumns().add(column);
    }

    private FleetSort currentSort() {
        if (table.getSortOrder().isEmpty()) {
            return FleetSort.NATURAL;
        }
        TableColumn<Slot, ?> c = table.getSortOrder().getFirst();
        return new FleetSort((FleetColumn) c.getUserData(), c.getSortType() == TableColumn.SortType.ASCENDING);
    }

    private static String nodeText(FleetRow r) {
        if (r.isGpu()) {
            return "      GPU " + r.gpu().index() + (r.gpu().migProfile().isEmpty() ? "" : " · " + r.gpu().migProfile());
        }
        return (r.expanded() ? "▾ " : "▸ ") + r.node().hostname();
    }

    private static String gpusText(FleetRow r) {
        if (r.isGpu()) {
            String uuid = r.gpu().uuid();
            return uuid.length() > 12 ? uuid.substring(0, 12) + "…" : uuid;
        }
        int seen = r.node().gpus().size();
        int expected = r.node().gpuCount();
        return seen == expected ? Integer.toString(expected) : seen + " / " + expected;
    }

    private static String powerText(double w) {
        return Units.power(w);
    }

    private static String healthText(FleetRow r) {
        Health h = r.health();
        String reason = r.reason();
        return Palette.symbol(h) + " " + h.label() + (reason.isEmpty() ? "" : " · " + reason);
    }

    /** What double-click / Enter does: the app opens the node detail (node key, GPU index or -1). */
    public void setOnOpen(BiConsumer<String, Integer> action) {
        onOpen = action;
    }

    private void open(FleetRow row) {
        onOpen.accept(NodeKey.of(row.node().provider(), row.node().hostname()),
                row.isGpu() ? row.gpu().index() : -1);
    }

    /** Expands or collapses a node row. */
    void toggle(FleetRow row) {
        if (!expanded.remove(row.key())) {
            expanded.add(row.key());
        }
        recompute();
    }

    @Override
    public ViewId id() {
        return ViewId.FLEET;
    }

    /** Shows a frame's snapshot. FX thread. */
    @Override
    public void show(FleetFrame frame) {
        sparkLines.setPast(frame.history(), frame.snapshot().takenAt());
        update(frame.snapshot());
    }

    /** Shows a snapshot (rows arrive from the worker). */
    public void update(FleetSnapshot snap) {
        snapshot = snap;
        recompute();
    }

    /** Sets the filter from outside (quick search: "show this tenant"). */
    public void setFilter(FleetFilter f) {
        filterBar.set(f);
        filter = f;
        toTop = true;
        recompute();
    }

    public FleetFilter filter() {
        return filter;
    }

    /** Sorts by a column, as a click on its header would. */
    public void sortBy(FleetColumn column, boolean ascending) {
        TableColumn<Slot, String> c = columns.get(column);
        c.setSortType(ascending ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
        table.getSortOrder().setAll(List.of(c));
    }

    private void recompute() {
        FleetSnapshot snap = snapshot;
        if (snap == null) {
            return;
        }
        FleetFilter f = filter;
        FleetSort s = sort;
        Set<String> open = Set.copyOf(expanded);
        channel.request(() -> FleetRows.compute(snap, f, s, open));
    }

    /** Hands every position its new row, keeping the selected row and the first visible row where they were. */
    private void apply(FleetRows.Result result) {
        FleetRow selected = selectedRow();
        String selectedKey = selected == null ? null : selected.key();
        String topKey = null;
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow != null && flow.getFirstVisibleCell() != null) {
            int top = flow.getFirstVisibleCell().getIndex();
            if (top >= 0 && top < items.size()) {
                topKey = items.get(top).row().key();
            }
        }
        int oldTop = topKey == null ? -1 : indexOf(topKey);
        List<FleetRow> rows = result.rows();
        applying = true;
        try {
            if (items.size() > rows.size()) {
                items.remove(rows.size(), items.size());
            }
            for (int i = 0; i < items.size(); i++) {
                items.get(i).row.set(rows.get(i));
            }
            if (items.size() < rows.size()) {
                List<Slot> more = new java.util.ArrayList<>(rows.size() - items.size());
                for (int i = items.size(); i < rows.size(); i++) {
                    more.add(new Slot(rows.get(i)));
                }
                items.addAll(more);
            }
            int sel = FleetRows.indexOf(rows, selectedKey);
            if (sel >= 0) {
                if (table.getSelectionModel().getSelectedIndex() != sel) {
                    table.getSelectionModel().clearAndSelect(sel);
                }
            } else {
                table.getSelectionModel().clearSelection();
            }
            int newTop = FleetRows.indexOf(rows, topKey);
            if (toTop) {
                toTop = false;
                if (!rows.isEmpty()) {
                    table.scrollTo(0);
                }
            } else if (flow != null && newTop >= 0 && newTop != oldTop) {
                flow.scrollToTop(newTop);
            }
        } finally {
            applying = false;
        }
        shown = result;
        placeholder.setText(result.nodesTotal() == 0
                ? "No nodes yet: no source has reported any. Sources (Ctrl+5) says what each one answered."
                : "No node matches these filters (" + Units.count(result.nodesTotal()) + " nodes in the fleet). "
                + "Clear filters shows them all.");
        filterBar.setFacets(result.facets());
        counts.setText(countsText(result));
        if (flow != null && scrolled != flow) {
            scrolled = flow;
            flow.positionProperty().addListener((obs, old, pos) -> requestSparks());
        }
        requestSparks();
    }

    private void requestSparks() {
        sparkLines.requestVisible(scrolled, items);
    }

    private int indexOf(String key) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).row().key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private String countsText(FleetRows.Result r) {
        if (!filter.isActive()) {
            return Units.count(r.nodesTotal()) + " nodes · " + Units.gpus(r.gpusTotal());
        }
        return Units.count(r.nodesShown()) + " of " + Units.count(r.nodesTotal()) + " nodes · "
                + Units.count(r.gpusShown()) + " of " + Units.gpus(r.gpusTotal());
    }

    /** Selects the row of a node (or GPU) if it is listed. */
    public void select(String key) {
        int i = indexOf(key);
        if (i >= 0) {
            table.getSelectionModel().clearAndSelect(i);
            table.scrollTo(i);
        }
    }

    @Override
    public BorderPane node() {
        return root;
    }

    public TableView<Slot> table() {
        return table;
    }

    SparkLines sparkLines() {
        return sparkLines;
    }

    /** The rows shown now (tests). */
    public List<FleetRow> rows() {
        return items.stream().map(Slot::row).toList();
    }

    /** The last result applied (tests, benchmark). */
    public FleetRows.Result shown() {
        return shown;
    }

    public String countsText() {
        return counts.getText();
    }

    FleetFilterBar filterBar() {
        return filterBar;
    }

    /** All states, for the filter bar. */
    static List<NodeState> allStates() {
        return List.of(NodeState.values());
    }
}
