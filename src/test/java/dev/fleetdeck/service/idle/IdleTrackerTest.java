package dev.fleetdeck.service.idle;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.support.TestFleet;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Idle rented GPUs and what they cost, on a known fleet. */
class IdleTrackerTest {
    static FleetSnapshot fleet(long seq, Instant at, double acmeUtil, double zetaUtil) {
        List<Node> nodes = List.of(
                rented("acme-1", "acme", "H100", acmeUtil, 2.50),
                rented("acme-2", "acme", "H100", 90, 2.50),
                rented("zeta-1", "zeta", "B200", zetaUtil, 5.00),
                TestFleet.node("free-1", "p", "us-east-1", "H100", NodeState.AVAILABLE, 8, 0, 40, 80, 2.50));
        var view = TestFleet.ok("p", at, nodes);
        return new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)).assemble(seq, at, List.of(view));
    }

    static Node rented(String host, String tenant, String model, double util, double price) {
        Node n = TestFleet.node(host, "p", "us-east-1", model, NodeState.RENTED, 8, util, 50, 200, price);
        return new Node(n.hostname(), n.provider(), n.region(), n.gpuModel(), n.state(), Optional.of(tenant),
                n.pricePerGpuHour(), n.driverVersion(), n.cudaVersion(), n.expectedGpus(), n.gpus(), n.health(),
                n.healthReasons());
    }

    @Test
    void rentedGpusUnderFivePercentForFifteenMinutesCostTheirPrice() {
        IdleTracker idle = new IdleTracker(5, Duration.ofMinutes(15));
        Instant t0 = TestFleet.NOW;
        idle.accept(fleet(1, t0, 1, 4.9));
        assertEquals(0, idle.latest().idleGpus(), "not idle for 15 min yet");
        idle.accept(fleet(2, t0.plus(Duration.ofMinutes(10)), 1, 30));
        idle.accept(fleet(3, t0.plus(Duration.ofMinutes(15)), 2, 1));
        IdleReport r = idle.latest();
        assertEquals(8, r.idleGpus(), "acme-1 idle 15 min; zeta-1 busy at 10 min starts over; free-1 is not rented");
        assertEquals(8 * 2.50, r.costPerHour(), 1e-9);
        assertEquals("acme-1", r.nodes().getFirst().node().hostname());
        assertEquals(Duration.ofMinutes(15), r.nodes().getFirst().idleFor());

        idle.accept(fleet(4, t0.plus(Duration.ofMinutes(30)), 3, 2));
        r = idle.latest();
        assertEquals(16, r.idleGpus());
        assertEquals(8 * 2.50 + 8 * 5.00, r.costPerHour(), 1e-9, "$20/h for acme, $40/h for zeta");
        assertEquals("zeta", r.byTenant().getFirst().name(), "the most expensive tenant first");
        assertEquals(40, r.byTenant().getFirst().costPerHour(), 1e-9);
        assertEquals(Duration.ofMinutes(15), r.byTenant().getFirst().longestIdle());
        assertEquals(List.of("B200", "H100"), r.byModel().stream().map(IdleReport.Group::name).toList());
        assertEquals("zeta-1", r.nodes().getFirst().node().hostname());
    }
}
