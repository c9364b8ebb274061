package dev.fleetdeck.service.health;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ThrottleReason;
import dev.fleetdeck.support.TestFleet;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules over time, on synthetic sequences of one node with an explicit clock (no sleeping). */
class HealthTrendsTest {
    private static final Instant T0 = TestFleet.NOW;
    private final HealthRules rules = HealthRules.defaults();
    private final HealthTrends trends = new HealthTrends();

    /** Node n1 whose GPU 2 has the given XID, corrected ECC count and throttle reasons. */
    private Node node(int xid, double sbe, Set<ThrottleReason> throttle) {
        Node base = TestFleet.node("n1", "p", "r", "H100", NodeState.RENTED, 8, 50, 60, 400, 2);
        List<Gpu> gpus = new ArrayList<>(base.gpus());
        Gpu g = gpus.get(2);
        gpus.set(2, new Gpu(g.index(), g.uuid(), g.model(), g.utilizationPct(), g.memoryUsedMiB(), g.memoryTotalMiB(),
                g.temperatureC(), g.memoryTemperatureC(), g.powerW(), g.powerLimitW(), g.smClockMHz(), sbe, 0, xid,
                throttle, "", Health.UNKNOWN, List.of()));
        return rules.evaluate(base.withHealth(gpus, base.health(), base.healthReasons()));
    }

    private List<String> codes(Node n) {
        return n.gpus().get(2).healthReasons().stream().map(r -> r.code()).toList();
    }

    private Node at(long seconds, int xid, double sbe, Set<ThrottleReason> throttle) {
        return trends.apply(node(xid, sbe, throttle), T0.plusSeconds(seconds));
    }

    @Test
    void threeNewXidsWithinTenMinutesAreABurstUntilTenQuietMinutesPass() {
        assertThat(codes(at(-10, 79, 0, Set.of()))).doesNotContain("xid-burst"); // there before we looked: not new
        at(-5, 0, 0, Set.of());
        assertThat(codes(at(0, 13, 0, Set.of()))).doesNotContain("xid-burst");
        assertThat(codes(at(60, 31, 0, Set.of()))).doesNotContain("xid-burst");
        at(90, 31, 0, Set.of()); // the same XID again is not a new event
        assertThat(codes(at(120, 0, 0, Set.of()))).doesNotContain("xid-burst");
        Node burst = at(300, 43, 0, Set.of());
        assertThat(codes(burst)).contains("xid-burst");
        assertEquals(Health.CRIT, burst.health());
        assertThat(burst.gpus().get(2).healthReasons().stream().filter(r -> r.code().equals("xid-burst")).findFirst()
                .orElseThrow().message()).isEqualTo("GPU 2: 3 XIDs within 5 min (last XID 43)");
        assertThat(codes(at(300 + 599, 0, 0, Set.of()))).contains("xid-burst");
        assertThat(codes(at(300 + 601, 0, 0, Set.of()))).doesNotContain("xid-burst");
    }

    @Test
    void xidsSpreadOverMoreThanTheWindowAreNoBurst() {
        at(-1, 0, 0, Set.of());
        at(0, 13, 0, Set.of());
        at(400, 31, 0, Set.of());
        assertThat(codes(at(800, 43, 0, Set.of()))).doesNotContain("xid-burst");
    }

    @Test
    void correctedEccGrowthOfAHundredInAnHourWarnsAndACounterResetStartsOver() {
        assertThat(codes(at(0, 0, 5_000, Set.of()))).doesNotContain("ecc-sbe-growth");
        assertThat(codes(at(600, 0, 5_050, Set.of()))).doesNotContain("ecc-sbe-growth");
        Node grown = at(1200, 0, 5_120, Set.of());
        assertThat(codes(grown)).contains("ecc-sbe-growth");
        assertEquals(Health.WARN, grown.gpus().get(2).health());
        assertThat(codes(at(1300, 0, 3, Set.of()))).doesNotContain("ecc-sbe-growth");
        // After an hour of slow growth, the oldest samples fall out of the window.
        for (int s = 1600; s <= 1600 + 3600 * 2; s += 300) {
            at(s, 0, 3 + (s - 1600) / 100.0, Set.of());
        }
        assertThat(codes(at(1600 + 3600 * 2 + 300, 0, 3 + 75, Set.of()))).doesNotContain("ecc-sbe-growth");
    }

    @Test
    void throttlingByHeatForFiveMinutesWarnsButThePowerCapDoesNot() {
        Set<ThrottleReason> heat = Set.of(ThrottleReason.HW_THERMAL_SLOWDOWN);
        assertThat(codes(at(0, 0, 0, heat))).doesNotContain("throttle-sustained");
        assertThat(codes(at(299, 0, 0, heat))).doesNotContain("throttle-sustained");
        assertThat(codes(at(300, 0, 0, heat))).contains("throttle-sustained");
        assertThat(codes(at(310, 0, 0, Set.of()))).doesNotContain("throttle-sustained");
        assertThat(codes(at(320, 0, 0, heat))).doesNotContain("throttle-sustained");
        Set<ThrottleReason> cap = Set.of(ThrottleReason.SW_POWER_CAP);
        at(1000, 0, 0, cap);
        assertThat(codes(at(5000, 0, 0, cap))).doesNotContain("throttle-sustained");
        at(6000, 0, 0, Set.of(ThrottleReason.HW_POWER_BRAKE));
        assertThat(codes(at(6400, 0, 0, Set.of(ThrottleReason.HW_POWER_BRAKE)))).contains("throttle-sustained");
    }

    @Test
    void modelLimitsDifferAndGpusUnseenForAnHourAreForgotten() {
        Node a100 = rules.evaluate(TestFleet.node("a", "p", "r", "A100", NodeState.RENTED, 1, 50, 84, 300, 2));
        Node h100 = rules.evaluate(TestFleet.node("h", "p", "r", "H100", NodeState.RENTED, 1, 50, 84, 300, 2));
        assertEquals(Health.WARN, a100.health(), "A100 warns from 83 °C");
        assertEquals(Health.OK, h100.health(), "H100 warns from 85 °C");
        at(0, 0, 0, Set.of());
        assertEquals(1, trends.trackedNodes());
        trends.sweep(T0.plusSeconds(3601).toEpochMilli());
        assertEquals(0, trends.trackedNodes());
        assertTrue(true);
    }
}
