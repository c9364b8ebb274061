package dev.fleetdeck.service.history;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.support.TestFleet;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpuHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

    private static Node node(String host, double util, double temp) {
        return TestFleet.node(host, "p", "r", "H100", NodeState.RENTED, 8, util, temp, 650.3, 2.0);
    }

    @Test
    void keepsFifteenMinutesPerGpuAtFiveSeconds() {
        GpuHistory h = new GpuHistory();
        for (int s = 0; s < 20 * 60; s += 2) {
            h.record(T0.plusSeconds(s), List.of(node("a", s % 100, 60)));
        }
        Series util = h.query("p", "a", 3, GpuMetric.UTILIZATION_PCT);
        assertEquals(180, util.size(), "15 min / 5 s");
        assertEquals((20 * 60 - 2) % 100, util.values()[179], 1e-9, "the latest sample of the last slot");
        Series power = h.query("p", "a", 3, GpuMetric.POWER_W);
        assertEquals(650.3, power.values()[179], 1e-9, "0.1 W steps");
        Series mem = h.query("p", "a", 3, GpuMetric.MEMORY_USED_PCT);
        assertEquals(100.0 * 1024 / 81_559, mem.values()[179], 0.01);
        assertEquals(8, h.trackedGpus());
    }

    @Test
    void staleDataIsAGapNotAnOldValue() {
        GpuHistory h = new GpuHistory();
        h.record(T0, List.of(node("a", 50, 60)));
        Node stale = node("a", 50, 60);
        stale = stale.withHealth(stale.gpus(), Health.UNKNOWN, List.of(new HealthReason(Health.UNKNOWN, "data-stale",
                "data is 1 min old")));
        h.record(T0.plusSeconds(5), List.of(stale));
        Series util = h.query("p", "a", 0, GpuMetric.UTILIZATION_PCT);
        assertEquals(50.0, util.values()[util.size() - 2]);
        assertTrue(Double.isNaN(util.values()[util.size() - 1]));
    }

    @Test
    void absentMetricsAreNaNAndExtremesAreClamped() {
        GpuHistory h = new GpuHistory();
        Node silent = TestFleet.nodeWith("s", "p", "H100", NodeState.AVAILABLE, 1, List.of(TestFleet.silentGpu(0, "H100")));
        Node hot = TestFleet.node("x", "p", "r", "H100", NodeState.RENTED, 1, 50, 1e9, 5000, 2);
        h.record(T0, List.of(silent, hot));
        assertTrue(Double.isNaN(h.query("p", "s", 0, GpuMetric.TEMPERATURE_C).values()[0]));
        assertTrue(Double.isNaN(h.query("p", "x", 0, GpuMetric.TEMPERATURE_C).values()[0]),
                "a 1e9 °C reading is implausible, so absent, never clamped into a number");
        assertTrue(Double.isNaN(h.query("p", "x", 0, GpuMetric.POWER_W).values()[0]),
                "5 kW from a GPU with a 700 W limit is a sensor that does not support the field: absent");
    }

    @Test
    void rowsOfVanishedGpusAreReusedCleanAndTheCeilingHolds() {
        GpuHistory h = new GpuHistory(Duration.ofSeconds(5), Duration.ofMinutes(1), 16);
        h.record(T0, List.of(node("a", 90, 60), node("b", 90, 60)));
        assertEquals(16, h.trackedGpus());
        h.record(T0.plusSeconds(5), List.of(node("c", 10, 60)));
        assertEquals(8, h.untracked(), "c does not fit under the ceiling of 16 GPUs");
        for (int s = 10; s <= 80; s += 5) {
            h.record(T0.plusSeconds(s), List.of(node("a", 90, 60)));
        }
        assertEquals(8, h.trackedGpus(), "b gave its rows back after a whole span unseen");
        h.record(T0.plusSeconds(85), List.of(node("a", 90, 60), node("c", 10, 60)));
        Series c = h.query("p", "c", 0, GpuMetric.UTILIZATION_PCT);
        int present = 0;
        for (double v : c.values()) {
            present += Double.isNaN(v) ? 0 : 1;
        }
        assertEquals(1, present, "a reused row starts empty: none of b's values leak into c");
        assertEquals(16 * h.bytesPerGpu() + 12 * 8, h.memoryBytes() - (1024 - 16) * h.bytesPerGpu(),
                "one chunk allocated");
    }

    @Test
    void manyGpusStayWithinTheStatedBytes() {
        GpuHistory h = new GpuHistory();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            nodes.add(node("n" + i, 40, 60));
        }
        h.record(T0, nodes);
        assertEquals(4000, h.trackedGpus());
        assertEquals(1448, h.bytesPerGpu());
        assertEquals(4 * 1024 * 1448L + 180 * 8, h.memoryBytes(), "4 chunks of 1,024 GPUs");
    }

    @Test
    void averagingTierKeepsTheMeanOfEachSlotAndHistoryPicksTheTierForAWindow() {
        GpuHistory h = new GpuHistory(Duration.ofMinutes(10), Duration.ofHours(24), 64, true);
        h.record(T0, List.of(node("a", 10, 60)));
        h.record(T0.plusSeconds(60), List.of(node("a", 20, 62)));
        h.record(T0.plusSeconds(120), List.of(node("a", 60, 70)));
        h.record(T0.plusSeconds(600), List.of(node("a", 80, 50)));
        Series util = h.query("p", "a", 0, GpuMetric.UTILIZATION_PCT);
        assertEquals(2, util.values().length, "slots never written are not returned");
        assertEquals(30, util.values()[0], 0.02, "mean of 10, 20 and 60 in the first 10-min slot");
        assertEquals(80, util.values()[1], 0.02, "the next slot starts its own mean");
        assertEquals(64, h.query("p", "a", 0, GpuMetric.TEMPERATURE_C).values()[0], 0.02);
        assertEquals(1168, h.bytesPerGpu(), "144 slots × 4 metrics × 2 B + last seen + counts");

        History all = new History();
        assertEquals(Duration.ofMinutes(15), all.gpusFor(Duration.ofMinutes(5)).span());
        assertEquals(Duration.ofHours(1), all.gpusFor(Duration.ofHours(1)).span());
        assertEquals(Duration.ofHours(24), all.gpusFor(Duration.ofHours(24)).span());
    }
}
