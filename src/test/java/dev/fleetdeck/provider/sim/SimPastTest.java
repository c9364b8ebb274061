package dev.fleetdeck.provider.sim;

import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.AggregateHistory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real-time simulated fleet has a day of past, recorded from the same run the live data continues. */
class SimPastTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void theDayBeforeIsRecordedAndJoinsTheLiveFleet() throws Exception {
        SimSettings d = SimSettings.defaults();
        SimSettings s = new SimSettings(3, 60, 8, d.regions(), d.models(), 6, 1.0, "gpu", Optional.empty(), 1.0);
        SimulatedProvider p = new SimulatedProvider("sim", s, Clock.fixed(NOW, ZoneOffset.UTC));
        var live = p.poll();
        AggregateHistory h = p.aggregateHistory(NOW.minus(Duration.ofHours(24)), NOW, Duration.ofMinutes(1))
                .orElseThrow();
        assertEquals(1441, h.epochMillis().length);
        int last = 1440;
        for (String model : h.freeByModel().keySet()) {
            long free = live.nodes().stream().filter(n -> n.gpuModel().equals(model)
                    && n.state() == NodeState.AVAILABLE).mapToLong(n -> n.gpus().size()).sum();
            assertEquals(free, h.freeByModel().get(model)[last], 0.0, model + ": no seam between past and live");
        }
        assertTrue(h.freeByModel().values().stream().anyMatch(a -> a[0] != a[last]), "the day moved");
        double livePower = live.nodes().stream().flatMap(n -> n.gpus().stream()).mapToDouble(g -> g.powerW()).sum();
        assertThat(h.powerW()[last - 15]).isPositive();
        assertThat(livePower).isPositive();
        assertThat(h.utilizationCount()[0]).isGreaterThan(0);
    }

    @Test
    void anAcceleratedOrPinnedFleetHasNoPast() throws Exception {
        SimSettings d = SimSettings.defaults();
        SimSettings fast = new SimSettings(3, 10, 8, d.regions(), d.models(), 6, 60.0, "gpu", Optional.empty(), 1.0);
        SimulatedProvider p = new SimulatedProvider("sim", fast, Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(p.aggregateHistory(NOW.minusSeconds(3600), NOW, Duration.ofMinutes(1)).isEmpty());
        for (Node n : p.poll().nodes()) {
            assertThat(n.gpus().size()).isLessThanOrEqualTo(8);
        }
    }
}
