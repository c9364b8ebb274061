package dev.fleetdeck.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CapacityTest {
    @Test
    void bucketsMustAddUpToTotal() {
        assertThrows(IllegalArgumentException.class, () -> new Capacity("H100", "*", "*", 10, 5, 0, 4, 0, 4, 2.0));
        assertThrows(IllegalArgumentException.class, () -> new Capacity("H100", "*", "*", 10, 5, 0, 5, 0, 6, 2.0));
        Capacity ok = new Capacity("H100", "*", "*", 10, 5, 1, 3, 1, 2, 2.0);
        assertEquals(60.0, ok.allocationPct(), 1e-9);
        assertEquals(0.0, new Capacity("H100", "*", "*", 0, 0, 0, 0, 0, 0, Double.NaN).allocationPct());
    }

    @Test
    void unitsPrintAbsentAsDashNotZero() {
        assertEquals("—", Units.celsius(Metrics.ABSENT));
        assertEquals("—", Units.kilowatts(Double.NaN));
        assertEquals("71 °C", Units.celsius(71.2));
        assertEquals("1,234.5 kW", Units.kilowatts(1234.5));
        assertEquals("$2.49/GPU-h", Units.pricePerGpuHour(2.49));
        assertEquals("4,096 GPUs", Units.gpus(4096));
        assertEquals("1 GPU", Units.gpus(1));
        assertEquals("45 s", Units.age(Duration.ofSeconds(45)));
        assertEquals("12 min", Units.age(Duration.ofMinutes(12)));
        assertEquals("3 h 5 min", Units.age(Duration.ofMinutes(185)));
        assertEquals("2 d 4 h", Units.age(Duration.ofHours(52)));
    }

    @Test
    void healthOrdersFromOkToCrit() {
        assertEquals(Health.CRIT, Health.worst(Health.WARN, Health.CRIT));
        assertEquals(Health.WARN, Health.worst(Health.WARN, Health.UNKNOWN));
        assertEquals(Health.UNKNOWN, Health.worst(Health.OK, Health.UNKNOWN));
    }

    @Test
    void nodeStatesMapToDisjointBuckets() {
        assertEquals(CapacityBucket.FREE, NodeState.AVAILABLE.bucket());
        assertEquals(CapacityBucket.RENTED, NodeState.RENTED.bucket());
        assertEquals(CapacityBucket.RESERVED, NodeState.RESERVED.bucket());
        for (NodeState s : new NodeState[] {NodeState.MAINTENANCE, NodeState.DOWN, NodeState.UNREACHABLE}) {
            assertEquals(CapacityBucket.UNAVAILABLE, s.bucket());
        }
    }
}
