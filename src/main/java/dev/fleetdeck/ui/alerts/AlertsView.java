package dev.fleetdeck.ui.alerts;

import dev.fleetdeck.model.AlertScope;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.alerts.Alert;
import dev.fleetdeck.service.alerts.AlertState;
import dev.fleetdeck.service.idle.IdleReport;
import dev.fleetdeck.ui.common.ScaledWidths;
import dev.fleetdeck.ui.common.AlertActions;
import dev.fleetdeck.ui.common.Columns;
import dev.fleetdeck.ui.common.FleetView;
import dev.fleetdeck.ui.common.HeaderBar;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.theme.Palette;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Alerts and idle money: open alerts (firing and pending) with acknowledge and silence, resolved alerts, and the
 * rented GPUs that sit idle ranked by what they cost, per node and per tenant. A filter narrows every list by text.
 * FX thread only; refreshed once per snapshot while shown and after every action.
 */
public final class AlertsView implements FleetView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    /** An alert row. */
    public record AlertRow(String key, Health health, String severity, String state, String rule, String where,
                           String summary, String value, String since) {
    }

    /** An idle row (node or tenant). */
    public record IdleRow(String name, String detail, String gpus, String cost, String idleFor) {
    }

    /** Keys of rows that show another system's alert. */
    private static final String EXTERNAL = "external|";
    private java.util.List<dev.fleetdeck.model.ExternalAlert> external = java.util.List.of();
    private final AlertActions actions;
    private AlertState alerts = AlertState.EMPTY;
    /** NVIDIA's immediate action for the XIDs each node reports ("XID 79: drain the node and reboot it"). */
    private java.util.Map<String, String> xidAdvice = java.util.Map.of();
    private IdleReport idle = IdleReport.EMPTY;
    private final Clock clock;
    private final ZoneId zone;
    private final BorderPane root = new BorderPane();
    private final Label status = new Label();
    private final TextField filter = new TextField();
    private final ObservableList<AlertRow> open = FXCollections.observableArrayList();
    private final ObservableList<AlertRow> past = FXCollections.observableArrayList();
    private final ObservableList<IdleRow> idleNodes = FXCollections.observableArrayList();
    private final ObservableList<IdleRow> idleTenants = FXCollections.observableArrayList();
    private final TableView<AlertRow> openTable = new TableView<>(open);

    /**
     * @param actions where acknowledge and silence go; the result comes back in the next frame
     */
    public AlertsView(AlertActions actions, Clock clock, ZoneId zone) {
        this.actions = actions;
        this.clock = clock;
        this.zone = zone;
        root.getStyleClass().add("alerts-view");
        status.setId("alerts-status");
        root.setTop(new VBox(HeaderBar.of("Alerts and idle GPUs", status), toolbar()));
        Columns.setUp(openTable, "alerts-open", 28, "no open alerts",
                Columns.health("Severity", 100, AlertRow::severity, AlertRow::health),
                Columns.text("State", 150, AlertRow::state),
                Columns.text("Rule", 150, AlertRow::rule),
                Columns.text("Where", 300, AlertRow::where),
                Columns.number("Value", 90, AlertRow::value),
                Columns.atLeast(Columns.text("Since", 130, AlertRow::since), "00:00:00"),
                Columns.text("Condition", 400, AlertRow::summary));
        TableView<AlertRow> pastTable = new TableView<>(past);
        Columns.setUp(pastTable, "alerts-past", 26, "no resolved alerts yet",
                Columns.health("Severity", 100, AlertRow::severity, AlertRow::health),
                Columns.text("Rule", 160, AlertRow::rule),
                Columns.text("Where", 220, AlertRow::where),
                Columns.text("Fired → resolved", 300, AlertRow::since),
                Columns.number("Last value", 100, AlertRow::value),
                Columns.text("Condition", 500, AlertRow::summary));
        TableView<IdleRow> nodes = new TableView<>(idleNodes);
        Columns.setUp(nodes, "idle-nodes", 26, "no rented GPU sits idle",
                Columns.text("Node", 200, IdleRow::name),
                Columns.text("Tenant · model", 200, IdleRow::detail),
                Columns.number("Idle GPUs", 90, IdleRow::gpus),
                Columns.number("Cost", 110, IdleRow::cost),
                Columns.number("Idle for", 100, IdleRow::idleFor));
        TableView<IdleRow> tenants = new TableView<>(idleTenants);
        Columns.setUp(tenants, "idle-tenants", 26, "no tenant has idle GPUs",
                Columns.text("Tenant", 200, IdleRow::name),
                Columns.text("Nodes", 80, IdleRow::detail),
                Columns.number("Idle GPUs", 90, IdleRow::gpus),
                Columns.number("Cost", 110, IdleRow::cost),
                Columns.number("Longest", 100, IdleRow::idleFor));
        VBox left = new VBox(6, title("Open alerts"), openTable, title("Resolved"), pastTable);
        VBox.setVgrow(openTable, Priority.ALWAYS);
        VBox.setVgrow(pastTable, Priority.ALWAYS);
        VBox right = new VBox(6, title("Idle rented GPUs, costliest first"), nodes,
                title("Idle rented GPUs by tenant"), tenants);
        VBox.setVgrow(nodes, Priority.ALWAYS);
        VBox.setVgrow(tenants, Priority.ALWAYS);
        right.setPrefWidth(700);
        ScaledWidths.mark(right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox body = new HBox(12, left, right);
        body.getStyleClass().add("sources-body");
        root.setCenter(body);
        filter.textProperty().addListener((o, a, b) -> refresh());
    }

    private HBox toolbar() {
        filter.setId("alerts-filter");
        filter.setPromptText("Filter: rule, node, region, tenant, text…");
        filter.setPrefColumnCount(30);
        Button ack = button("Acknowledge", "alerts-ack", () -> act(key -> actions.ack(key, clock.instant())));
        Button hour = button("Silence 1 h", "alerts-silence-1h",
                () -> act(key -> actions.silence(key, clock.instant().plus(Duration.ofHours(1)))));
        Button day = button("Silence 24 h", "alerts-silence-24h",
                () -> act(key -> actions.silence(key, clock.instant().plus(Duration.ofHours(24)))));
        HBox bar = new HBox(8, filter, ack, hour, day);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private void act(java.util.function.Consumer<String> action) {
        AlertRow row = openTable.getSelectionModel().getSelectedItem();
        if (row != null && !row.key().startsWith(EXTERNAL)) { // another system's alert is acted on there
            action.accept(row.key());
        }
    }

    @Override
    public ViewId id() {
        return ViewId.ALERTS;
    }

    /** Shows a frame's alerts and idle GPUs. */
    @Override
    public void show(FleetFrame frame) {
        alerts = frame.alerts();
        external = frame.external();
        java.util.Map<String, String> advice = new java.util.HashMap<>();
        for (dev.fleetdeck.model.Node n : frame.snapshot().nodes()) {
            dev.fleetdeck.service.health.XidCatalog.immediateActions(n)
                    .ifPresent(what -> advice.put(n.provider() + "/" + n.hostname(), what));
        }
        xidAdvice = advice;
        idle = frame.idle();
        refresh();
    }

    /** Lists the last frame's alerts and idle GPUs again (after the filter changed); the selection stays. */
    public void refresh() {
        AlertRow selected = openTable.getSelectionModel().getSelectedItem();
        Instant now = clock.instant();
        String f = filter.getText() == null ? "" : filter.getText().trim().toLowerCase(Locale.ROOT);
        List<AlertRow> o = new ArrayList<>();
        int firing = 0;
        for (Alert a : alerts.open()) {
            firing += a.state() == Alert.State.FIRING ? 1 : 0;
            AlertRow r = row(a, now, false);
            if (matches(f, r)) {
                o.add(r);
            }
        }
        List<AlertRow> p = new ArrayList<>();
        for (Alert a : alerts.past()) {
            AlertRow r = row(a, now, true);
            if (matches(f, r)) {
                p.add(r);
            }
            if (p.size() == 500) {
                break;
            }
        }
        int others = 0;
        for (dev.fleetdeck.model.ExternalAlert x : external) {
            AlertRow r = row(x, now);
            if (matches(f, r) && o.size() < 2_000) {
                o.add(r);
                others++;
            }
        }
        open.setAll(o);
        past.setAll(p);
        if (selected != null) {
            for (int i = 0; i < open.size(); i++) {
                if (open.get(i).key().equals(selected.key())) {
                    openTable.getSelectionModel().clearAndSelect(i);
                }
            }
        }
        IdleReport report = idle;
        List<IdleRow> n = new ArrayList<>();
        for (IdleReport.NodeIdle i : report.nodes()) {
            IdleRow r = new IdleRow(i.node().hostname(), i.node().tenant().orElse(Units.ABSENT) + " · "
                    + i.node().gpuModel(), Units.count(i.idleGpus()), cost(i.costPerHour()), Units.age(i.idleFor()));
            if (f.isEmpty() || (r.name() + " " + r.detail()).toLowerCase(Locale.ROOT).contains(f)) {
                n.add(r);
            }
        }
        idleNodes.setAll(n.size() > 500 ? n.subList(0, 500) : n);
        List<IdleRow> t = new ArrayList<>();
        for (IdleReport.Group g : report.byTenant()) {
            long nodes = report.nodes().stream().filter(i -> i.node().tenant().orElse("(none)").equals(g.name())).count();
            IdleRow r = new IdleRow(g.name(), Units.count(nodes), Units.count(g.idleGpus()), cost(g.costPerHour()),
                    Units.age(g.longestIdle()));
            if (f.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(f)) {
                t.add(r);
            }
        }
        idleTenants.setAll(t);
        status.setText(Units.count(firing) + " firing · " + Units.count(alerts.open().size() - firing) + " pending · "
                + (external.isEmpty() ? "" : Units.count(others) + " from Prometheus/Alertmanager · ")
                + Units.count(report.idleGpus()) + " idle rented GPUs costing " + cost(report.costPerHour()));
    }

    private AlertRow row(Alert a, Instant now, boolean resolved) {
        String state = switch (a.state()) {
            case PENDING -> "pending";
            case FIRING -> "firing";
            case RESOLVED -> "resolved";
        };
        if (!resolved && alerts.isClearing(a)) {
            state += " · clearing";
        }
        if (a.ackedAt().isPresent()) {
            state += " · acked";
        }
        if (a.isSilenced(now)) {
            state += " · silenced until " + CLOCK.format(a.silencedUntil().orElseThrow().atZone(zone))
                    + alerts.silencedElsewhere(a).map(by -> " in " + by).orElse("");
        }
        String since = resolved
                ? a.firedAt().map(t -> when(t, now)).orElse("?") + " → " + a.resolvedAt().map(t -> when(t, now)).orElse("?")
                : when(a.firedAt().orElse(a.pendingSince()), now);
        return new AlertRow(a.key(), a.severity(), Palette.symbol(a.severity()) + " " + a.severity().label(), state,
                a.rule(), a.scope().key() + " " + a.group(), a.summary() + (a.scope() == AlertScope.NODE
                        && xidAdvice.containsKey(a.group()) ? " · " + xidAdvice.get(a.group()) : ""), a.value(), since);
    }

    /** An alert another system holds: its source in the state, its node (or its labels) as where; not actionable. */
    private AlertRow row(dev.fleetdeck.model.ExternalAlert x, Instant now) {
        String where = x.node().orElseGet(() -> x.labels().entrySet().stream()
                .filter(e -> !e.getKey().equals("alertname") && !e.getKey().equals("severity"))
                .map(e -> e.getKey() + "=" + e.getValue()).limit(3).reduce((a, b) -> a + " " + b).orElse("—"));
        return new AlertRow(EXTERNAL + x.source() + "|" + x.name() + "|" + x.labels(), x.severity(),
                Palette.symbol(x.severity()) + " " + x.severity().label(), x.state() + " · " + x.source(), x.name(),
                x.node().map(n -> "node " + n).orElse(where), x.summary().isEmpty() ? "—" : x.summary(), "—",
                x.since().equals(Instant.EPOCH) ? "—" : when(x.since(), now));
    }

    /** A clock time for today ("03:12:07"), with the date before it for another day ("11-30 03:12:07"). */
    private String when(Instant t, Instant now) {
        java.time.ZonedDateTime at = t.atZone(zone);
        return at.toLocalDate().equals(now.atZone(zone).toLocalDate()) ? CLOCK.format(at) : TIME.format(at);
    }

    private static boolean matches(String f, AlertRow r) {
        return f.isEmpty() || (r.rule() + " " + r.where() + " " + r.summary() + " " + r.state() + " " + r.severity())
                .toLowerCase(Locale.ROOT).contains(f);
    }

    private static String cost(double usd) {
        return Units.costPerHour(usd);
    }

    @Override
    public BorderPane node() {
        return root;
    }

    public List<AlertRow> openRows() {
        return List.copyOf(open);
    }

    public List<AlertRow> pastRows() {
        return List.copyOf(past);
    }

    public List<IdleRow> idleNodeRows() {
        return List.copyOf(idleNodes);
    }

    public TableView<AlertRow> openTable() {
        return openTable;
    }
}
