package dev.fleetdeck.service.assembly;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.support.TestFleet;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.fleetdeck.support.TestFleet.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Allocation from Kubernetes and live GPU metrics from DCGM on one node. */
class NodeJoinTest {
    private static Node kubeNode(String host, int allocated) {
        List<Gpu> gpus = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            gpus.add(TestFleet.silentGpu(i, "H100"));
        }
        return new Node(host, "k8s", "us-east-1", "H100", NodeState.AVAILABLE, Optional.of("acme"), Metrics.ABSENT,
                "", "", 8, gpus, Health.UNKNOWN, List.of(), allocated);
    }

    @Test
    void metricsJoinByNodeNameAndTheMetricsCopyIsNotCountedTwice() {
        Node dcgm = TestFleet.node("GPU-H100-1.cluster.local", "dcgm", "unknown", "H100", NodeState.RENTED, 8, 90,
                93, 650, 2);
        Node other = TestFleet.node("bare-metal-7", "dcgm", "unknown", "H100", NodeState.RENTED, 8, 50, 60, 400, 2);
        FleetAssembler assembler = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5))
                .withJoins(Map.of("k8s", List.of("dcgm")));
        FleetSnapshot snap = assembler.assemble(1, NOW, List.of(
                TestFleet.ok("k8s", NOW, List.of(kubeNode("gpu-h100-1", 4))),
                TestFleet.ok("dcgm", NOW, List.of(dcgm, other))));

        assertEquals(List.of("gpu-h100-1", "bare-metal-7"), snap.nodes().stream().map(Node::hostname).toList());
        Node joined = snap.nodes().getFirst();
        assertEquals("k8s", joined.provider());
        assertEquals("us-east-1", joined.region(), "Kubernetes knows where");
        assertEquals(Optional.of("acme"), joined.tenant());
        assertEquals(4, joined.allocatedGpus());
        assertEquals(90, joined.gpus().getFirst().utilizationPct(), 1e-9, "DCGM knows how hot and how busy");
        assertEquals(93, joined.gpus().getFirst().temperatureC(), 1e-9);
        assertEquals(Health.CRIT, joined.health(), "93 °C on an H100 is critical, now visible on the Kubernetes node");
        assertEquals(16, snap.totals().capacity().total(), "the DCGM copy is not counted again");
        assertEquals(4, snap.byModel().getFirst().rented() - 8, "4 requested on the joined node, 8 rented on the other");
        assertEquals(List.of(1, 2), snap.providers().stream().map(p -> p.nodes()).toList(),
                "each source still says how many nodes it reported");
    }

    @Test
    void partlyAllocatedNodesCountPartRentedPartFree() {
        FleetSnapshot snap = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)).assemble(1, NOW,
                List.of(TestFleet.ok("k8s", NOW, List.of(kubeNode("a", 3), kubeNode("b", 0)))));
        var c = snap.totals().capacity();
        assertEquals(3, c.rented());
        assertEquals(13, c.free());
        assertTrue(c.sellable() <= 13);
    }

    @Test
    void namesMatchWithoutCaseAndDomain() {
        assertEquals("gpu-7", NodeJoin.key("GPU-7.cluster.local"));
        assertEquals("10.0.0.7", NodeJoin.key("10.0.0.7"), "an address is not a name with a domain");
    }
}
