package dev.fleetdeck.service.alerts;

import dev.fleetdeck.model.AlertMetric;
import dev.fleetdeck.model.AlertRule;
import dev.fleetdeck.model.AlertScope;
import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.idle.IdleReport;
import dev.fleetdeck.support.TestFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alert lifecycle on synthetic snapshots whose time is the clock: pending, firing, damping, resolving. */
class AlertEngineTest {
    private static final Instant T0 = TestFleet.NOW;
    private static final AlertRule HOT = new AlertRule("hot", AlertMetric.GPU_TEMPERATURE, "", true, 90,
            Duration.ofMinutes(2), Health.WARN, AlertScope.NODE, Optional.empty());

    private static FleetSnapshot snap(long seconds, double tempOfN1) {
        Instant at = T0.plusSeconds(seconds);
        List<Node> nodes = List.of(TestFleet.node("n1", "p", "us-east-1", "H100", NodeState.RENTED, 8, 50, tempOfN1,
                400, 2), TestFleet.node("n2", "p", "us-east-1", "H100", NodeState.RENTED, 8, 50, 60, 400, 2));
        return new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)).assemble(seconds, at,
                List.of(TestFleet.ok("p", at, nodes)));
    }

    private static AlertSettings settings(AlertRule... rules) {
        return new AlertSettings(List.of(rules), 5, Duration.ofMinutes(15), Duration.ofMinutes(2),
                Duration.ofSeconds(20), Optional.empty(), 1 << 20);
    }

    @Test
    void pendingThenFiringAfterItsForThenResolvedAfterClearAfterWithoutFlapping() {
        AlertEngine engine = new AlertEngine(settings(HOT), () -> IdleReport.EMPTY, null);
        List<Alert> fired = new ArrayList<>();
        engine.addFiringListener(fired::add);
        engine.accept(snap(0, 93));
        Alert a = engine.open().getFirst();
        assertEquals(Alert.State.PENDING, a.state());
        assertEquals("hot|p/n1", a.key(), "one alert per rule and node");
        assertEquals("93 °C", a.value());
        engine.accept(snap(60, 50));
        assertTrue(engine.open().isEmpty(), "a pending alert whose condition stops never fires");

        engine.accept(snap(100, 95));
        engine.accept(snap(219, 95));
        assertEquals(Alert.State.PENDING, engine.open().getFirst().state());
        engine.accept(snap(220, 96));
        a = engine.open().getFirst();
        assertEquals(Alert.State.FIRING, a.state());
        assertEquals(Optional.of(T0.plusSeconds(220)), a.firedAt());
        assertEquals(List.of(a.key()), fired.stream().map(Alert::key).toList());
        assertEquals("hottest GPU above 90 °C for 2 min", a.summary());

        // Flapping around the threshold: one alert, no new notifications.
        for (int s = 230; s < 400; s += 20) {
            engine.accept(snap(s, (s / 20) % 2 == 0 ? 91 : 80)); // hot every other 20 s
        }
        assertEquals(1, engine.open().size());
        assertEquals(1, fired.size());
        assertEquals(Alert.State.FIRING, engine.open().getFirst().state());

        engine.accept(snap(500, 91)); // hot for the last time
        assertTrue(!engine.isClearing(engine.open().getFirst()));
        engine.accept(snap(560, 80));
        assertTrue(engine.isClearing(engine.open().getFirst()), "firing, condition false: waiting to resolve");
        engine.accept(snap(499 + 120, 80));
        assertEquals(1, engine.open().size(), "false for 1 min 59 s: still firing");
        engine.accept(snap(500 + 120, 80));
        assertTrue(engine.open().isEmpty());
        Alert resolved = engine.past().getFirst();
        assertEquals(Alert.State.RESOLVED, resolved.state());
        assertEquals(Optional.of(T0.plusSeconds(620)), resolved.resolvedAt());
    }

    @Test
    void acknowledgedAndSilencedAlertsKeepFiringAndRemember(@TempDir Path dir) throws Exception {
        AlertRule now = new AlertRule("hot-now", AlertMetric.GPU_TEMPERATURE, "", true, 90, Duration.ZERO, Health.CRIT,
                AlertScope.FLEET, Optional.empty());
        AlertStore store = new AlertStore(dir.resolve("alerts.jsonl"), 1 << 20);
        AlertEngine engine = new AlertEngine(settings(now), () -> IdleReport.EMPTY, store);
        engine.accept(snap(0, 97));
        Alert a = engine.firing().getFirst();
        assertEquals("hot-now|fleet", a.key());
        assertTrue(engine.ack(a.key(), T0.plusSeconds(5)));
        assertTrue(engine.silence(a.key(), T0.plusSeconds(3600)));
        engine.accept(snap(10, 98));
        Alert kept = engine.firing().getFirst();
        assertEquals(Optional.of(T0.plusSeconds(5)), kept.ackedAt());
        assertTrue(kept.isSilenced(T0.plusSeconds(10)));
        assertEquals("98 °C", kept.value());

        // Persisted: a new engine over the same file starts with the alert open, ack and silence included.
        AlertEngine again = new AlertEngine(settings(now), () -> IdleReport.EMPTY, store);
        Alert restored = again.open().getFirst();
        assertEquals(a.key(), restored.key());
        assertEquals(Optional.of(T0.plusSeconds(5)), restored.ackedAt());
        assertEquals(3, Files.readAllLines(dir.resolve("alerts.jsonl")).size(), "firing, acked, silenced");
        AlertRule other = new AlertRule("other", AlertMetric.GPU_TEMPERATURE, "", true, 90, Duration.ZERO,
                Health.WARN, AlertScope.FLEET, Optional.empty());
        assertTrue(new AlertEngine(settings(other), () -> IdleReport.EMPTY, store).open().isEmpty(),
                "an open alert whose rule is no longer configured is not restored");
    }

    @Test
    void reasonAndIdleRulesCountPerGroupAndTheDefaultsCoverACloud() {
        AlertRule missing = new AlertRule("missing", AlertMetric.REASON, "gpu-", true, 0, Duration.ZERO, Health.CRIT,
                AlertScope.REGION, Optional.of("us-east-1"));
        AlertEngine engine = new AlertEngine(settings(missing), () -> IdleReport.EMPTY, null);
        FleetSnapshot hot = snap(0, 95); // gpu-hot on 8 GPUs of n1
        engine.accept(hot);
        Alert a = engine.firing().getFirst();
        assertEquals("missing|us-east-1", a.key());
        assertEquals("8 GPUs", a.value());
        assertThat(AlertSettings.defaultRules().stream().map(AlertRule::name)).contains("gpu-hot", "xid-burst",
                "provider-down", "idle-cost", "stock-out");
    }

    @Test
    void reconfigureKeepsAlertsOfUnchangedRulesAndResolvesThoseOfChangedOrRemovedOnes() {
        AlertRule cool = new AlertRule("cool", AlertMetric.GPU_TEMPERATURE, "", true, 40, Duration.ZERO, Health.WARN,
                AlertScope.NODE, Optional.empty());
        AlertEngine engine = new AlertEngine(settings(HOT, cool), () -> IdleReport.EMPTY, null);
        engine.accept(snap(0, 95));
        engine.accept(snap(200, 95));
        assertEquals(3, engine.firing().size(), "hot on n1, cool on n1 and n2");
        engine.ack("hot|p/n1", T0.plusSeconds(201));

        AlertRule warmer = new AlertRule("cool", AlertMetric.GPU_TEMPERATURE, "", true, 70, Duration.ZERO,
                Health.WARN, AlertScope.NODE, Optional.empty());
        engine.reconfigure(settings(HOT, warmer));
        assertEquals(List.of("hot|p/n1"), engine.open().stream().map(Alert::key).toList(),
                "the changed rule's alerts resolved; the unchanged rule's alert kept");
        assertTrue(engine.open().getFirst().ackedAt().isPresent(), "and its acknowledgement");
        assertEquals(2, engine.past().size());

        engine.accept(snap(210, 95));
        assertEquals(List.of("hot|p/n1", "cool|p/n1"), engine.open().stream().map(Alert::key).toList(),
                "the new threshold applies from the next snapshot: 95 °C is above 70, 60 °C is not");

        engine.reconfigure(settings(warmer));
        assertEquals(List.of("cool|p/n1"), engine.open().stream().map(Alert::key).toList(), "a removed rule's "
                + "alert resolves");
    }
}
