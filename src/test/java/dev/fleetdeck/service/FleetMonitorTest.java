package dev.fleetdeck.service;

import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.service.alerts.Alert;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.history.GpuMetric;
import dev.fleetdeck.service.polling.PolledProvider;
import dev.fleetdeck.service.polling.PollingService;
import dev.fleetdeck.support.TestFleet;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One frame per cycle, built after every engine saw the snapshot; acknowledging re-issues the frame. */
class FleetMonitorTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** One rented H100 node whose GPUs run at 95 °C: critical at once. */
    private static final class HotNode implements FleetProvider {
        @Override
        public String name() {
            return "lab";
        }

        @Override
        public String type() {
            return "test";
        }

        @Override
        public ProviderSnapshot poll() {
            return new ProviderSnapshot("lab", Clock.systemUTC().instant(), List.of(TestFleet.node("hot-1", "lab", "r",
                    "H100", NodeState.RENTED, 8, 90, 95, 600, 2)), List.of());
        }

        @Override
        public void close() {
        }
    }

    private static FleetMonitor monitor() {
        return new FleetMonitor(new PollingService(List.of(new PolledProvider(new HotNode(), Duration.ofMillis(50),
                Duration.ofSeconds(2))), new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)),
                Clock.systemUTC()));
    }

    @Test
    void everyFrameCarriesWhatTheEnginesMadeOfItsOwnSnapshot() throws Exception {
        List<FleetFrame> seen = new CopyOnWriteArrayList<>();
        try (FleetMonitor monitor = monitor()) {
            monitor.addFrameListener(seen::add);
            monitor.polling().start();
            FleetFrame frame = monitor.await(f -> !f.alerts().firing().isEmpty(), WAIT);
            // The alert engine, history and events ran before this frame was built, whatever the listener order.
            Alert alert = frame.alerts().firing().getFirst();
            assertEquals("gpu-critical", alert.rule());
            assertTrue(alert.firedAt().orElseThrow().compareTo(frame.snapshot().takenAt()) <= 0);
            assertTrue(frame.history().gpu("lab", "hot-1", 0, GpuMetric.TEMPERATURE_C, Duration.ofMinutes(5))
                    .size() >= 1, "history holds the frame's own sample");
            assertTrue(frame.events().total() >= 0);
            monitor.await(f -> f.revision() > frame.revision() + 2, WAIT);
        }
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).revision() > seen.get(i - 1).revision(), "revisions grow");
            assertTrue(seen.get(i).snapshot().sequence() >= seen.get(i - 1).snapshot().sequence());
        }
        assertFalse(seen.isEmpty());
    }

    @Test
    void acknowledgingReissuesTheFrameWithTheAlertAcknowledged() throws Exception {
        try (FleetMonitor monitor = monitor()) {
            monitor.polling().start();
            FleetFrame firing = monitor.await(f -> !f.alerts().firing().isEmpty(), WAIT);
            String key = firing.alerts().firing().getFirst().key();
            assertTrue(monitor.ack(key, Instant.now()));
            FleetFrame after = monitor.latest();
            assertTrue(after.revision() > firing.revision());
            assertTrue(after.alerts().open().stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow()
                    .ackedAt().isPresent(), "the re-issued frame shows the acknowledgement");
            assertFalse(monitor.ack("no-such-alert", Instant.now()), "an unknown alert changes nothing");
        }
    }
}
