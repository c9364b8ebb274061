package dev.fleetdeck.ui.app;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.alerts.AlertEngine;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.idle.IdleReport;
import dev.fleetdeck.service.idle.IdleTracker;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.support.TestFrames;
import dev.fleetdeck.ui.alerts.AlertNotifier;
import dev.fleetdeck.ui.common.Navigator;
import dev.fleetdeck.ui.common.Offload;
import dev.fleetdeck.ui.common.ViewContext;
import dev.fleetdeck.ui.theme.Stylesheets;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new critical alert pops up a desktop notification, and the alerts view lists it, acknowledged on request. */
@ExtendWith(ApplicationExtension.class)
class AlertsViewTest {
    private final AlertSettings settings = new AlertSettings(AlertSettings.defaultRules(), 5, Duration.ofMinutes(15),
            Duration.ofMinutes(2), Duration.ofSeconds(60), Optional.empty(), 1 << 20);
    private final TestFrames frames = new TestFrames(settings);
    private final IdleTracker idle = frames.idle();
    private final AlertEngine engine = frames.engine();
    private MainView view;
    private AlertNotifier notifier;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new MainView(new ViewContext("test fleet", Clock.fixed(TestFleet.NOW, ZoneOffset.UTC), ZoneOffset.UTC,
                Offload.sameThread(), Navigator.NONE, frames.actions(f -> view.show(f))));
        notifier = new AlertNotifier(() -> stage, settings.notifyEvery());
        engine.addFiringListener(notifier::fired);
        Scene scene = new Scene(view.node(), 1000, 760);
        scene.getStylesheets().add(Stylesheets.dark());
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    private FleetFrame snapshot(long seconds, double hotTemp) {
        Instant at = TestFleet.NOW.plusSeconds(seconds);
        List<Node> nodes = List.of(
                TestFleet.node("gpu-a1", "lab", "us-east-1", "H100", NodeState.RENTED, 8, 70, hotTemp, 500, 2.5),
                TestFleet.node("gpu-a2", "lab", "us-east-1", "H100", NodeState.RENTED, 8, 70, 60, 500, 2.5));
        FleetSnapshot snap = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)).assemble(seconds, at,
                List.of(TestFleet.ok("lab", at, nodes)));
        return frames.next(snap);
    }

    @Test
    void aNewCriticalAlertNotifiesOnceAndIsListedAndAcknowledged(FxRobot robot) {
        FleetFrame calm = snapshot(0, 60);
        robot.interact(() -> view.show(calm));
        assertEquals(0, notifier.shown());

        FleetFrame hot = snapshot(10, 95); // H100 at 95 °C: critical at once (gpu-critical), hot after 2 min
        robot.interact(() -> view.show(hot));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, notifier.shown());
        assertThat(notifier.lastText()).startsWith("✖ Critical alert: gpu-critical")
                .contains("gpu-critical · node lab/gpu-a1 · 8 GPUs");
        boolean popup = false;
        for (Window w : Window.getWindows()) {
            popup |= w instanceof PopupWindow && w.isShowing() && w.getScene() != null
                    && w.getScene().getRoot().lookup(".notification-bar") != null;
        }
        assertTrue(popup, "a ControlsFX notification is on screen");

        FleetFrame later = snapshot(200, 95); // gpu-hot fires too, within the notification interval
        robot.interact(() -> view.show(later));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, notifier.shown(), "rate-limited: the second alert waits for the next notification");

        robot.interact(() -> view.show("alerts"));
        var rows = view.alerts().openRows();
        assertEquals(List.of("gpu-critical", "gpu-hot", "stock-out"), rows.stream().map(r -> r.rule()).toList(),
                "firing first; no H100 is free, so the stock-out rule is pending for its 5 min");
        assertEquals("pending", rows.get(2).state());
        assertEquals("✖ crit", rows.getFirst().severity());
        assertEquals("firing", rows.getFirst().state());
        assertEquals("node lab/gpu-a1", rows.getFirst().where());

        robot.interact(() -> view.alerts().openTable().getSelectionModel().clearAndSelect(0));
        robot.clickOn("#alerts-ack");
        assertEquals("firing · acked", view.alerts().openRows().getFirst().state());
        robot.clickOn("#alerts-silence-1h");
        assertThat(view.alerts().openRows().getFirst().state()).startsWith("firing · acked · silenced until");

        robot.clickOn("#alerts-filter").write("gpu-hot");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("gpu-hot"), view.alerts().openRows().stream().map(r -> r.rule()).toList());
        assertEquals(IdleReport.EMPTY.idleGpus(), idle.latest().idleGpus(), "busy fleet: nothing idle");
    }

    @Test
    void alertsThatFireWhileTheWindowComesUpWaitAndArriveAsOneNotification(FxRobot robot) {
        robot.interact(() -> notifier.holdUntilReady());
        FleetFrame hot = snapshot(10, 95);
        robot.interact(() -> view.show(hot));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, notifier.shown(), "nothing pops up before the window is ready");
        robot.interact(() -> notifier.ready());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, notifier.shown());
        assertThat(notifier.lastText()).contains("gpu-critical");
    }

    @Test
    void alertsFromPrometheusAndAlertmanagerAreListedBesideOursWithTheirNodeAndCannotBeAckedHere(FxRobot robot) {
        FleetFrame calm = snapshot(0, 60);
        dev.fleetdeck.model.ExternalAlert down = new dev.fleetdeck.model.ExternalAlert("prometheus 127.0.0.1:9090",
                "NodeExporterDown", dev.fleetdeck.model.Health.CRIT, "firing",
                java.util.Map.of("alertname", "NodeExporterDown", "instance", "gpu-a1:9100"),
                "node_exporter is not answering", TestFleet.NOW.minusSeconds(300), Optional.empty());
        FleetFrame withExternal = new FleetFrame(calm.revision(), calm.snapshot(), calm.alerts(), calm.idle(),
                calm.events(), calm.history(), dev.fleetdeck.service.alerts.ExternalAlerts.join(List.of(down),
                calm.snapshot()));
        robot.interact(() -> {
            view.show(withExternal);
            view.show("alerts");
        });
        var rows = view.alerts().openRows();
        int at = rows.stream().map(r -> r.rule()).toList().indexOf("NodeExporterDown");
        assertTrue(at >= 0, "listed beside FleetDeck's own: " + rows);
        assertEquals("firing · prometheus 127.0.0.1:9090", rows.get(at).state());
        assertEquals("node lab/gpu-a1", rows.get(at).where(), "joined to the node by its instance label");
        assertEquals("node_exporter is not answering", rows.get(at).summary());
        robot.interact(() -> view.alerts().openTable().getSelectionModel().clearAndSelect(at));
        robot.clickOn("#alerts-ack");
        assertEquals("firing · prometheus 127.0.0.1:9090", view.alerts().openRows().get(at).state(),
                "another system's alert is acknowledged there, not here");
    }

    @Test
    void anAlertSilencedInAlertmanagerSaysWhoSilencedItThere(FxRobot robot) {
        snapshot(0, 60);
        FleetFrame hot = snapshot(10, 95);
        String key = hot.alerts().firing().getFirst().key();
        assertTrue(engine.silenceElsewhere(key, TestFleet.NOW.plusSeconds(3_600), "Alertmanager: bob, maintenance"));
        FleetFrame after = snapshot(20, 95);
        robot.interact(() -> {
            view.show(after);
            view.show("alerts");
        });
        String state = view.alerts().openRows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow()
                .state();
        assertThat(state).contains("silenced until").endsWith(" in Alertmanager: bob, maintenance");
    }

    @Test
    void aNodesNotificationCarriesNvidiasActionForItsXid(FxRobot robot) {
        Instant at = TestFleet.NOW.plusSeconds(10);
        List<Node> nodes = List.of(TestFleet.withXid(TestFleet.node("gpu-a1", "lab", "us-east-1", "H100",
                        NodeState.RENTED, 8, 70, 60, 500, 2.5), 2, 79),
                TestFleet.node("gpu-a2", "lab", "us-east-1", "H100", NodeState.RENTED, 8, 70, 60, 500, 2.5));
        FleetSnapshot snap = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)).assemble(10, at,
                List.of(TestFleet.ok("lab", at, nodes)));
        FleetFrame frame = frames.next(snap);
        robot.interact(() -> {
            notifier.setAdvice(a -> frame.snapshot().nodes().stream()
                    .filter(n -> (n.provider() + "/" + n.hostname()).equals(a.group())).findFirst()
                    .flatMap(dev.fleetdeck.service.health.XidCatalog::immediateActions));
            view.show(frame);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notifier.lastText()).contains("gpu-critical · node lab/gpu-a1")
                .contains("XID 79: drain the node and reboot it");
    }
}
