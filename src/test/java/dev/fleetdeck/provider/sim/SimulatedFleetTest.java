package dev.fleetdeck.provider.sim;

import dev.fleetdeck.model.Capacity;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ThrottleReason;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.support.TestFleet;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedFleetTest {
    private static final Instant START = Instant.parse("2026-11-29T00:00:00Z");

    private static SimSettings settings(long seed, int nodes, double eventRate) {
        Map<String, Double> mix = new LinkedHashMap<>();
        mix.put("H100", 50.0);
        mix.put("H200", 30.0);
        mix.put("B200", 20.0);
        return new SimSettings(seed, nodes, 8, List.of("us-east-1", "eu-west-1", "ap-south-1"), mix, 12, 1.0, "sim",
                Optional.of(START), eventRate);
    }

    private static List<Node> at(SimSettings s, Duration elapsed) {
        SimulatedFleet fleet = new SimulatedFleet(s, START);
        fleet.advanceTo(START.plus(elapsed));
        return fleet.nodes("sim");
    }

    @Test
    void sameSeedAndTimeGiveTheSameFleet() {
        SimSettings s = settings(42, 200, 1);
        assertEquals(at(s, Duration.ofHours(6)), at(s, Duration.ofHours(6)));
        assertNotEquals(at(s, Duration.ofHours(6)), at(settings(43, 200, 1), Duration.ofHours(6)));
    }

    @Test
    void advancingInStepsEqualsAdvancingAtOnce() {
        SimSettings s = settings(5, 100, 3);
        SimulatedFleet stepped = new SimulatedFleet(s, START);
        for (int minute = 1; minute <= 180; minute += 7) {
            stepped.advanceTo(START.plus(Duration.ofMinutes(minute)));
        }
        stepped.advanceTo(START.plus(Duration.ofMinutes(180)));
        assertEquals(at(s, Duration.ofMinutes(180)), stepped.nodes("sim"));
    }

    @Test
    void capacityBucketsAlwaysAddUpAndTheMixMatches() {
        SimSettings s = settings(11, 400, 5);
        FleetAssembler assembler = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5));
        SimulatedFleet fleet = new SimulatedFleet(s, START);
        Set<NodeState> seen = new HashSet<>();
        for (int hour = 0; hour <= 48; hour += 4) {
            fleet.advanceTo(START.plus(Duration.ofHours(hour)));
            List<Node> nodes = fleet.nodes("sim");
            nodes.forEach(n -> seen.add(n.state()));
            FleetSnapshot snap = assembler.assemble(hour, START, List.of(TestFleet.ok("sim", START, nodes)));
            Capacity all = snap.totals().capacity();
            assertEquals(400 * 8, all.total());
            assertEquals(all.total(), all.free() + all.rented() + all.reserved() + all.unavailable());
            assertTrue(all.sellable() <= all.free());
            assertTrue(all.rented() > all.free(), "a GPU cloud is mostly rented: " + all);
        }
        assertTrue(seen.containsAll(Set.of(NodeState.AVAILABLE, NodeState.RENTED, NodeState.RESERVED, NodeState.DOWN)),
                "states seen: " + seen);
        Map<String, Long> byModel = new java.util.HashMap<>();
        at(s, Duration.ZERO).forEach(n -> byModel.merge(n.gpuModel(), 1L, Long::sum));
        assertTrue(byModel.get("H100") > byModel.get("B200"), "mix follows the weights: " + byModel);
    }

    @Test
    void rentalsStartAndEndOverADay() {
        SimSettings s = settings(3, 300, 1);
        List<Node> morning = at(s, Duration.ZERO);
        List<Node> nextDay = at(s, Duration.ofHours(24));
        int changed = 0;
        for (int i = 0; i < morning.size(); i++) {
            if (morning.get(i).state() != nextDay.get(i).state()
                    || !morning.get(i).tenant().equals(nextDay.get(i).tenant())) {
                changed++;
            }
        }
        assertTrue(changed > 30, "capacity moves over a day, changed nodes: " + changed);
    }

    @Test
    void metricsArePlausibleAndDownNodesReportNothing() {
        List<Node> nodes = at(settings(9, 300, 20), Duration.ofHours(12));
        boolean sawDown = false;
        for (Node n : nodes) {
            if (n.state() == NodeState.DOWN) {
                sawDown = true;
                assertTrue(n.gpus().isEmpty(), "a down node reports no GPU metrics");
                continue;
            }
            assertTrue(n.pricePerGpuHour() > 0);
            for (Gpu g : n.gpus()) {
                assertTrue(g.utilizationPct() >= 0 && g.utilizationPct() <= 100);
                assertTrue(g.temperatureC() > 20 && g.temperatureC() < 110, "temperature " + g.temperatureC());
                assertTrue(g.powerW() > 0 && g.powerW() <= g.powerLimitW());
                assertTrue(g.memoryUsedMiB() <= g.memoryTotalMiB());
                assertTrue(Metrics.isPresent(g.smClockMHz()));
                if (n.state() == NodeState.AVAILABLE) {
                    assertEquals(0, g.utilizationPct(), "free GPUs idle");
                }
            }
        }
        assertTrue(sawDown, "with a high event rate some node is down");
    }

    @Test
    void eventsHappen_xidEccThrottleAndLostGpus() {
        SimulatedFleet fleet = new SimulatedFleet(settings(21, 500, 200), START);
        fleet.advanceTo(START.plus(Duration.ofHours(6)));
        List<Node> nodes = fleet.nodes("sim");
        boolean xid = nodes.stream().flatMap(n -> n.gpus().stream()).anyMatch(g -> g.lastXid() != 0);
        boolean ecc = nodes.stream().flatMap(n -> n.gpus().stream()).anyMatch(g -> g.eccCorrected() > 0);
        boolean powerCap = nodes.stream().flatMap(n -> n.gpus().stream())
                .anyMatch(g -> g.throttleReasons().contains(ThrottleReason.SW_POWER_CAP));
        assertTrue(xid, "XID errors occur");
        assertTrue(ecc, "corrected ECC errors accumulate");
        assertTrue(powerCap, "GPUs at full load hit their power cap");
        boolean lostSeen = nodes.stream().anyMatch(n -> n.state() != NodeState.DOWN && n.gpus().size() < n.expectedGpus());
        assertEquals(fleet.lostGpus() > 0, lostSeen, "a GPU that fell off the bus is missing from its node");
    }

    @Test
    void aHealthyFleetWithoutEventsHasNoFailures() {
        List<Node> nodes = at(settings(4, 200, 0), Duration.ofHours(24));
        assertFalse(nodes.stream().anyMatch(n -> n.state() == NodeState.DOWN || n.state() == NodeState.MAINTENANCE));
        assertFalse(nodes.stream().flatMap(n -> n.gpus().stream()).anyMatch(g -> g.lastXid() != 0));
    }
}
