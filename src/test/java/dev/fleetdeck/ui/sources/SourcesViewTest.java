package dev.fleetdeck.ui.sources;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.assembly.ProviderView;
import dev.fleetdeck.service.events.EventLog;
import dev.fleetdeck.service.events.FleetEvent;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.history.History;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.support.TestFrames;
import dev.fleetdeck.ui.app.MainView;
import dev.fleetdeck.ui.render.PngWriter;
import dev.fleetdeck.ui.theme.Stylesheets;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The status strip and the sources view show every provider's state, age, error and notices. */
@ExtendWith(ApplicationExtension.class)
class SourcesViewTest {
    private static final Instant NOW = TestFleet.NOW;
    private final EventLog events = new EventLog(100);
    private MainView view;

    @Start
    void start(Stage stage) {
        view = new MainView("test fleet", Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        Scene scene = new Scene(view.node(), 1600, 900);
        scene.getStylesheets().add(Stylesheets.dark());
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    private FleetSnapshot snapshot() {
        var node = TestFleet.node("gpu-a1", "lab", "lab-1", "H100", NodeState.RENTED, 8, 70, 60, 500, 2.0);
        ProviderStatus ok = new ProviderStatus("lab", "prometheus", ProviderState.OK, Optional.of(NOW.minusSeconds(2)),
                Optional.empty(), 0, 1, Duration.ofMillis(41), Optional.of(NOW.plusSeconds(8)),
                List.of("TLS verification is off (tls-verify: false)"));
        ProviderStatus down = new ProviderStatus("lambda", "lambda", ProviderState.DOWN,
                Optional.of(NOW.minusSeconds(754)), Optional.of("lambda: HTTP 503 Service Unavailable from "
                + "https://cloud.lambda.ai/api/v1/instances: \"upstream timeout\" (next try in 2 min)"), 5, 0,
                Duration.ofMillis(5012), Optional.of(NOW.plusSeconds(117)), List.of());
        return new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(30)).assemble(7, NOW, List.of(
                new ProviderView(ok, Optional.of(new ProviderSnapshot("lab", NOW, List.of(node), List.of()))),
                new ProviderView(down, Optional.empty())));
    }

    @Test
    void stripAndSourcesViewShowStateAgeErrorAndNotices(FxRobot robot) throws Exception {
        events.add(new FleetEvent(NOW.minusSeconds(754), FleetEvent.Kind.PROVIDER_STATE, Health.CRIT, "lambda", "", -1,
                "provider lambda: ok → down (lambda: HTTP 503 Service Unavailable)"));
        events.add(new FleetEvent(NOW.minusSeconds(30), FleetEvent.Kind.XID, Health.CRIT, "lab", "gpu-a1", 3,
                "gpu-a1 GPU 3: XID 79 (GPU has fallen off the bus)"));
        events.add(new FleetEvent(NOW.minusSeconds(5), FleetEvent.Kind.RENTAL_STARTED, Health.OK, "lab", "gpu-a1", -1,
                "gpu-a1: rented by acme (8 × H100)"));
        FleetSnapshot snap = snapshot();
        robot.interact(() -> view.show(TestFrames.of(snap, events, new History())));

        String tip = view.strip().tooltipOf("lambda");
        assertThat(tip).contains("State: down").contains("Data: 12 min old").contains("next poll in 1 min")
                .contains("Failures in a row: 5").contains("Last error: lambda: HTTP 503 Service Unavailable");
        assertThat(view.strip().tooltipOf("lab")).contains("⚠ TLS verification is off");

        robot.interact(() -> view.show("sources"));
        var rows = view.sources().sourceRows();
        assertEquals(2, rows.size());
        assertEquals("✖ down", rows.get(1).state());
        assertEquals("12 min", rows.get(1).age());
        assertEquals("in 1 min", rows.get(1).next());
        assertThat(rows.get(0).notices()).isEqualTo("⚠ TLS verification is off (tls-verify: false)");
        var ev = view.sources().eventRows();
        assertEquals(3, ev.size());
        assertThat(ev.getFirst().message()).contains("rented by acme");

        Path out = Path.of("target", "ui-snapshots");
        Files.createDirectories(out);
        robot.interact(() -> {
            try {
                PngWriter.write(view.node().snapshot(new SnapshotParameters(), null), out.resolve("sources.png"));
                view.show("overview");
                PngWriter.write(view.node().snapshot(new SnapshotParameters(), null), out.resolve("strip.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals("overview", view.currentView());
    }
}
