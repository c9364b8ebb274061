package dev.fleetdeck.ui.detail;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuProcess;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.events.EventWindow;
import dev.fleetdeck.service.events.FleetEvent;
import dev.fleetdeck.service.history.GpuMetric;
import dev.fleetdeck.service.history.HistoryReader;
import dev.fleetdeck.service.history.Series;
import dev.fleetdeck.ui.common.ScaledWidths;
import dev.fleetdeck.ui.common.Columns;
import dev.fleetdeck.ui.common.TimeRangePicker;
import dev.fleetdeck.ui.common.chart.TimeChart;
import dev.fleetdeck.ui.common.FleetView;
import dev.fleetdeck.ui.common.HeaderBar;
import dev.fleetdeck.ui.common.NodeKey;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.theme.Palette;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One node up close: who and what it is, per-GPU charts of utilisation, memory, temperature and power over 5 min,
 * 1 h or 24 h from history, its events (XIDs, state changes, rentals) and the processes on its GPUs when the
 * provider reports them. FX thread only; charts are redrawn from history once per snapshot while shown.
 */
public final class NodeDetailView implements FleetView {
    static final int EVENTS_SHOWN = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ENGLISH);
    private static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(5), Duration.ofHours(1),
            Duration.ofHours(24));

    /** An event row. */
    record EventRow(String time, Health health, String severity, String kind, String gpu, String message) {
    }

    /** A process row. */
    record ProcessRow(String gpu, String pid, String name, String memory) {
    }

    private HistoryReader history = HistoryReader.NONE;
    private EventWindow events = EventWindow.EMPTY;
    private final ZoneId zone;
    private final BorderPane root = new BorderPane();
    private final Label status = new Label("no node chosen: click a heatmap cell or a fleet-table row");
    private final FlowPane facts = new FlowPane(18, 4);
    private final Label reasons = new Label();
    private final Label emptyState = new Label("No node chosen. Open one from the fleet table (Enter or double-click), "
            + "the heatmap (click a cell) or the quick search (Ctrl+K).");
    private GridPane chartGrid;
    private HBox bottom;
    private final List<GpuChart> charts = new ArrayList<>();
    private final ObservableList<EventRow> eventRows = FXCollections.observableArrayList();
    private final ObservableList<ProcessRow> processRows = FXCollections.observableArrayList();
    private Duration window = WINDOWS.getFirst();
    private String provider;
    private String hostname;
    private int focusGpu = -1;
    private FleetSnapshot snapshot;
    private Node node;
    private long eventsSeen = -1;
    private Runnable onBack = () -> { };
    /** What the charts show now: node, GPU, window, newest history slot and the snapshot's time, minute precision. */
    private String chartsDrawn = "";

    public NodeDetailView(ZoneId zone) {
        this.zone = zone;
        root.getStyleClass().add("detail-view");
        status.setId("detail-status");
        facts.setId("detail-facts");
        facts.getStyleClass().add("detail-facts");
        reasons.setId("detail-reasons");
        reasons.getStyleClass().add("detail-reasons");
        reasons.setWrapText(true);
        root.setTop(new VBox(HeaderBar.of("Node detail", status), new VBox(6, facts, reasons, toolbar())));
        ((VBox) ((VBox) root.getTop()).getChildren().get(1)).getStyleClass().add("detail-head");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("detail-charts");
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            grid.getRowConstraints().add(r);
        }
        GpuMetric[] order = {GpuMetric.UTILIZATION_PCT, GpuMetric.MEMORY_USED_PCT, GpuMetric.TEMPERATURE_C,
                GpuMetric.POWER_W};
        for (int i = 0; i < order.length; i++) {
            GpuChart chart = new GpuChart(order[i], zone);
            charts.add(chart);
            grid.add(chart.node(), i % 2, i / 2);
        }
        chartGrid = grid;
        bottom = tables();
        emptyState.setId("detail-empty");
        emptyState.getStyleClass().add("empty-state");
        emptyState.setWrapText(true);
        showEmptyState();
    }

    /** No node chosen yet: one clear sentence instead of empty charts and tables. */
    private void showEmptyState() {
        root.setCenter(new StackPane(emptyState));
        root.setBottom(null);
        ((VBox) root.getTop()).getChildren().get(1).setVisible(false);
        ((VBox) root.getTop()).getChildren().get(1).setManaged(false);
    }

    private void showCharts() {
        if (root.getCenter() != chartGrid) {
            root.setCenter(chartGrid);
            root.setBottom(bottom);
            ((VBox) root.getTop()).getChildren().get(1).setVisible(true);
            ((VBox) root.getTop()).getChildren().get(1).setManaged(true);
        }
    }

    /** Whether the view shows its empty state (no node chosen). */
    public boolean showsEmptyState() {
        return root.getCenter() != chartGrid;
    }

    private HBox toolbar() {
        HBox bar = new HBox(6);
        Button back = new Button("← Back  Esc");
        back.setId("detail-back");
        back.setOnAction(e -> onBack.run());
        // The per-GPU history reaches back 24 h (10-min slots); a custom span is read from the finest tier that covers it.
        TimeRangePicker range = new TimeRangePicker("detail-window", WINDOWS, WINDOWS.getLast(), d -> {
            window = d;
            refreshCharts();
        });
        bar.getChildren().addAll(back, range.node());
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox tables() {
        TableView<EventRow> ev = new TableView<>(eventRows);
        Columns.setUp(ev, "detail-events", 26, "no events for this node",
                Columns.text("Time", 130, EventRow::time),
                Columns.health("Severity", 90, EventRow::severity, EventRow::health),
                Columns.text("Kind", 120, EventRow::kind),
                Columns.text("GPU", 50, EventRow::gpu),
                Columns.text("What happened", 520, EventRow::message));
        TableView<ProcessRow> pr = new TableView<>(processRows);
        Columns.setUp(pr, "detail-processes", 26, "the provider reports no processes for this node",
                Columns.text("GPU", 50, ProcessRow::gpu),
                Columns.number("PID", 80, ProcessRow::pid),
                Columns.text("Process", 300, ProcessRow::name),
                Columns.number("Memory", 110, ProcessRow::memory));
        VBox left = titled("Events", ev);
        VBox right = titled("Processes", pr);
        HBox.setHgrow(left, Priority.ALWAYS);
        right.setPrefWidth(560);
        right.setMinWidth(560);
        ScaledWidths.mark(right);
        HBox box = new HBox(10, left, right);
        // (its height is in em, in the stylesheet: it follows the type scale like the rows in it)
        box.getStyleClass().add("detail-tables");
        return box;
    }

    private static VBox titled(String title, TableView<?> table) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(4, l, table);
    }

    /** What Back (and Esc) does. */
    public void setOnBack(Runnable action) {
        onBack = action;
    }

    /** Shows the node with this key ({@code provider/host}), its GPU {@code gpu} first in mind (-1: none). */
    public void show(String nodeKey, int gpu) {
        int slash = nodeKey.indexOf('/');
        provider = nodeKey.substring(0, slash);
        hostname = nodeKey.substring(slash + 1);
        showCharts();
        focusGpu = gpu;
        eventsSeen = -1;
        if (snapshot != null) {
            update(snapshot);
        }
    }

    /** The key of the node shown, or null. */
    public String nodeKey() {
        return hostname == null ? null : NodeKey.of(provider, hostname);
    }

    @Override
    public ViewId id() {
        return ViewId.DETAIL;
    }

    /** Shows a frame's view of the node: its snapshot, its events and its past. */
    @Override
    public void show(FleetFrame frame) {
        history = frame.history();
        events = frame.events();
        update(frame.snapshot());
    }

    /** Shows a snapshot's view of the node, with the past and events of the last frame. */
    public void update(FleetSnapshot snap) {
        snapshot = snap;
        if (hostname == null) {
            return;
        }
        node = find(snap);
        refreshHeader();
        refreshCharts();
        refreshEvents();
        refreshProcesses();
    }

    private Node find(FleetSnapshot snap) {
        for (Node n : snap.nodes()) {
            if (n.hostname().equals(hostname) && n.provider().equals(provider)) {
                return n;
            }
        }
        return null;
    }

    private void refreshHeader() {
        if (node == null) {
            status.setText(hostname + " is not in the current snapshot");
            facts.getChildren().setAll(fact("node", hostname), fact("provider", provider));
            reasons.setText("");
            return;
        }
        status.setText(Palette.symbol(node.health()) + " " + node.health().label() + " · data as of "
                + DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH).format(snapshot.takenAt().atZone(zone)));
        status.getStyleClass().removeIf(s -> s.startsWith("health-"));
        status.getStyleClass().add(Palette.styleClass(node.health()));
        facts.getChildren().setAll(
                fact("node", node.hostname()),
                fact("provider", node.provider()),
                fact("region", node.region()),
                fact("GPUs", node.gpus().size() == node.gpuCount() ? node.gpuCount() + " × " + node.gpuModel()
                        : node.gpus().size() + " of " + node.gpuCount() + " × " + node.gpuModel()),
                fact("state", node.state().label()),
                fact("tenant", node.tenant().orElse(Units.ABSENT)),
                fact("price", Units.pricePerGpuHour(node.pricePerGpuHour())),
                fact("driver", node.driverVersion().isEmpty() ? Units.ABSENT : node.driverVersion()),
                fact("CUDA", node.cudaVersion().isEmpty() ? Units.ABSENT : node.cudaVersion()),
                fact("focus", focusGpu < 0 ? "all GPUs" : "GPU " + focusGpu));
        List<String> why = new ArrayList<>();
        for (HealthReason r : node.healthReasons()) {
            why.add(Palette.symbol(r.severity()) + " " + r.message());
        }
        for (Gpu g : node.gpus()) {
            for (HealthReason r : g.healthReasons()) {
                why.add(Palette.symbol(r.severity()) + " " + r.message());
            }
        }
        reasons.setText(why.isEmpty() ? "● no health findings" : String.join("    ", why.subList(0,
                Math.min(6, why.size()))) + (why.size() > 6 ? "    … " + (why.size() - 6) + " more" : ""));
        reasons.getStyleClass().removeIf(s -> s.startsWith("health-"));
        reasons.getStyleClass().add(Palette.styleClass(node.health()));
    }

    private static HBox fact(String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("fact-key");
        Label v = new Label(value);
        v.getStyleClass().add("fact-value");
        return new HBox(6, k, v);
    }

    private void refreshCharts() {
        if (hostname == null || snapshot == null) {
            return;
        }

        // Redraw when the history has a new slot (every 5 s, 1 min or 10 min by window) or the axis moves a tick.
        String drawn = provider + "/" + hostname + "#" + focusGpu + "@" + window + ":" + history.revision(window) + ":"
                + snapshot.takenAt().getEpochSecond() / (window.toSeconds() <= 600 ? 5 : 60);
        if (drawn.equals(chartsDrawn)) {
            return;
        }
        chartsDrawn = drawn;
        List<Integer> indexes = new ArrayList<>();
        int count = node == null ? 8 : Math.max(node.gpuCount(), node.gpus().size());
        for (int i = 0; i < count; i++) {
            if (focusGpu < 0 || focusGpu == i || count <= 16) {
                indexes.add(i);
            }
        }
        for (GpuChart chart : charts) {
            List<Series> series = new ArrayList<>(indexes.size());
            for (int i : indexes) {
                series.add(history.gpu(provider, hostname, i, chart.metric(), window));
            }
            chart.show(indexes, series, snapshot.takenAt(), window, focusGpu);
            chart.setThresholds(NodeLimits.of(node, chart.metric()));
        }
    }

    private void refreshEvents() {
        if (events.total() == eventsSeen) {
            return;
        }
        eventsSeen = events.total();
        List<EventRow> rows = new ArrayList<>();
        List<TimeChart.Marker> marks = new ArrayList<>();
        for (FleetEvent e : events.latest()) {
            if (e.node().equals(hostname) && e.provider().equals(provider)) {
                rows.add(new EventRow(TIME.format(e.at().atZone(zone)), e.severity(),
                        Palette.symbol(e.severity()) + " " + e.severity().label(),
                        e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), e.gpu() < 0 ? "" : "" + e.gpu(),
                        e.message()));
                marks.add(new TimeChart.Marker(e.at().toEpochMilli(), e.severity(),
                        rows.getLast().kind() + (e.gpu() < 0 ? "" : " · GPU " + e.gpu()), e.message()));
                if (rows.size() == EVENTS_SHOWN) {
                    break;
                }
            }
        }
        eventRows.setAll(rows);
        charts.forEach(c -> c.setMarkers(marks));
    }

    private void refreshProcesses() {
        List<ProcessRow> rows = new ArrayList<>();
        if (node != null) {
            for (Gpu g : node.gpus()) {
                for (GpuProcess p : g.processes()) {
                    rows.add(new ProcessRow("" + g.index(), "" + p.pid(), p.name(),
                            Double.isNaN(p.usedMemoryMiB()) ? Units.ABSENT
                                    : Units.mebibytes(p.usedMemoryMiB())));
                }
            }
        }
        processRows.setAll(rows);
    }

    @Override
    public BorderPane node() {
        return root;
    }

    /** The limits drawn in one metric's chart (tests). */
    public List<String> thresholdLabels(GpuMetric metric) {
        return charts.stream().filter(c -> c.metric() == metric).findFirst()
                .map(c -> c.thresholds().stream().map(TimeChart.Threshold::label).toList()).orElse(List.of());
    }

    /** The event markers in one metric's chart, as "label: message" (tests). */
    public List<String> markerTexts(GpuMetric metric) {
        return charts.stream().filter(c -> c.metric() == metric).findFirst()
                .map(c -> c.markers().stream().map(m -> m.label() + ": " + m.message()).toList()).orElse(List.of());
    }

    /** The opacity of each GPU's line in one metric's chart (tests). */
    public List<Double> lineOpacities(GpuMetric metric) {
        for (GpuChart c : charts) {
            if (c.metric() == metric) {
                return c.lineOpacities();
            }
        }
        return List.of();
    }

    /** The chart of one metric's points in all lines (tests). */
    public int chartPoints(GpuMetric metric) {
        for (GpuChart c : charts) {
            if (c.metric() == metric) {
                return c.points();
            }
        }
        return 0;
    }

    /** The events listed, as their messages (tests). */
    public List<String> eventMessages() {
        return eventRows.stream().map(EventRow::message).toList();
    }

    /** The processes listed, as "GPU pid name memory" (tests). */
    public List<String> processTexts() {
        return processRows.stream().map(p -> p.gpu() + " " + p.pid() + " " + p.name() + " " + p.memory()).toList();
    }

    public String statusText() {
        return status.getText();
    }

    /** The facts line as text (tests). */
    public String factsText() {
        StringBuilder s = new StringBuilder();
        for (var n : facts.getChildren()) {
            for (var l : ((HBox) n).getChildren()) {
                s.append(((Label) l).getText()).append(' ');
            }
        }
        return s.toString().trim();
    }
}
