package dev.fleetdeck.ui.sources;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.events.EventWindow;
import dev.fleetdeck.service.events.FleetEvent;
import dev.fleetdeck.ui.common.Columns;
import dev.fleetdeck.ui.common.FleetView;
import dev.fleetdeck.ui.common.HeaderBar;
import dev.fleetdeck.ui.common.ProviderStatusText;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.theme.Palette;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sources view: every configured provider with its state, data age, timings, failures, next poll, notices and
 * last error; below it, the most recent fleet events (provider up/down, node state changes, rentals, XIDs). FX
 * thread only; {@link #update} replaces the rows (a few providers, at most {@link #EVENTS_SHOWN} events).
 */
public final class SourcesView implements FleetView {
    static final int EVENTS_SHOWN = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    /** One provider row, formatted once per update. */
    record SourceRow(String name, String type, Health health, String state, String nodes, String age,
                     String lastSuccess, String lastPoll, String failures, String next, String notices,
                     String error) {
    }

    /** One event row. */
    record EventRow(String time, Health health, String severity, String kind, String provider, String node,
                    String message) {
    }

    private final BorderPane root = new BorderPane();
    private final Label summary = new Label();
    private final ObservableList<SourceRow> sources = FXCollections.observableArrayList();
    private final ObservableList<EventRow> events = FXCollections.observableArrayList();
    private final TableView<SourceRow> sourceTable = new TableView<>(sources);
    private final TableView<EventRow> eventTable = new TableView<>(events);
    private final Clock clock;
    private final ZoneId zone;
    private long eventsSeen = -1;

    public SourcesView(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        root.getStyleClass().add("sources-view");
        root.setTop(header());
        buildSourceTable();
        buildEventTable();
        Label eventsTitle = new Label("Recent events");
        eventsTitle.getStyleClass().add("section-title");
        Label sourcesTitle = new Label("Data sources");
        sourcesTitle.getStyleClass().add("section-title");
        VBox body = new VBox(8, sourcesTitle, sourceTable, eventsTitle, eventTable);
        body.getStyleClass().add("sources-body");
        VBox.setVgrow(eventTable, Priority.ALWAYS);
        root.setCenter(body);
    }

    private HBox header() {
        summary.setId("sources-summary");
        return HeaderBar.of("Sources and events", summary);
    }

    private void buildSourceTable() {
        Columns.setUp(sourceTable, "sources-table", 30, "no providers configured",
                Columns.text("Provider", 150, SourceRow::name),
                Columns.text("Type", 115, SourceRow::type),
                Columns.health("State", 120, SourceRow::state, SourceRow::health),
                Columns.number("Nodes", 70, SourceRow::nodes),
                Columns.number("Data age", 100, SourceRow::age),
                Columns.number("Last success", 125, SourceRow::lastSuccess),
                Columns.number("Last poll", 90, SourceRow::lastPoll),
                Columns.number("Failures", 80, SourceRow::failures),
                Columns.number("Next poll", 90, SourceRow::next),
                Columns.health("Notices", 300, SourceRow::notices, r -> r.notices().isEmpty() ? Health.OK : Health.WARN),
                Columns.health("Last error", 700, SourceRow::error, SourceRow::health));
        sourceTable.setPrefHeight(30 * 6 + 34);
        sourceTable.setMinHeight(30 * 2 + 34);
    }

    private void buildEventTable() {
        Columns.setUp(eventTable, "events-table", 28,
                "no events yet: provider, node, rental and XID changes appear here",
                Columns.text("Time", 90, EventRow::time),
                Columns.health("Severity", 100, EventRow::severity, EventRow::health),
                Columns.text("Kind", 130, EventRow::kind),
                Columns.text("Provider", 140, EventRow::provider),
                Columns.text("Node", 170, EventRow::node),
                Columns.text("What happened", 900, EventRow::message));
    }

    @Override
    public BorderPane node() {
        return root;
    }

    @Override
    public ViewId id() {
        return ViewId.SOURCES;
    }

    /** Shows a snapshot alone, with no events (tests). */
    public void update(FleetSnapshot snap) {
        show(FleetFrame.of(snap));
    }

    /** Shows the providers of a frame and its newest events. */
    @Override
    public void show(FleetFrame frame) {
        FleetSnapshot snap = frame.snapshot();
        EventWindow eventLog = frame.events();
        Instant now = clock.instant();
        List<SourceRow> rows = new ArrayList<>(snap.providers().size());
        int trouble = 0;
        for (ProviderStatus p : snap.providers()) {
            Health h = Palette.healthOf(p.state());
            trouble += p.state().isTrouble() ? 1 : 0;
            rows.add(new SourceRow(p.name(), p.type(), h, Palette.symbol(h) + " " + p.state().label(),
                    Units.count(p.nodes()), p.dataAge(now).map(Units::age).orElse("no data"),
                    ProviderStatusText.clock(p.lastSuccess(), zone), p.lastPollDuration().toMillis() + " ms",
                    Units.count(p.consecutiveFailures()), ProviderStatusText.nextAttempt(p, now),
                    p.notices().isEmpty() ? "" : "⚠ " + String.join("; ", p.notices()), p.lastError().orElse("")));
        }
        sources.setAll(rows);
        summary.setText(snap.providers().size() + " providers · " + (trouble == 0 ? "all answering"
                : trouble + " in trouble") + " · " + Units.count(eventLog.total()) + " events");
        if (eventLog.total() != eventsSeen) {
            eventsSeen = eventLog.total();
            List<EventRow> ev = new ArrayList<>();
            for (FleetEvent e : eventLog.latest().subList(0, Math.min(EVENTS_SHOWN, eventLog.latest().size()))) {
                ev.add(new EventRow(TIME.format(e.at().atZone(zone)), e.severity(),
                        Palette.symbol(e.severity()) + " " + e.severity().label(),
                        e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), e.provider(), e.node(),
                        e.message()));
            }
            events.setAll(ev);
        }
    }

    /** The rows shown now (tests). */
    List<SourceRow> sourceRows() {
        return List.copyOf(sources);
    }

    List<EventRow> eventRows() {
        return List.copyOf(events);
    }
}
