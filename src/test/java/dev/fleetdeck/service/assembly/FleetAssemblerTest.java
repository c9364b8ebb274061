package dev.fleetdeck.service.assembly;

import dev.fleetdeck.model.Capacity;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.OfferKind;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.StockLevel;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.support.TestFleet;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.fleetdeck.support.TestFleet.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetAssemblerTest {
    private final FleetAssembler assembler = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5));

    @Test
    void rollsUpTheReferenceFleet() {
        FleetSnapshot snap = assembler.assemble(7, NOW, TestFleet.reference());
        Capacity all = snap.totals().capacity();
        assertEquals(7, snap.sequence());
        assertEquals(48, all.total());
        assertEquals(8, all.rented());
        assertEquals(8, all.reserved());
        assertEquals(16, all.free());
        assertEquals(16, all.unavailable()); // a4 down + b2 maintenance
        assertEquals(15, all.sellable()); // a3 has one GPU at 95 °C
        assertEquals(6, snap.totals().nodes());
        assertEquals(33.3, all.allocationPct(), 0.1);

        Capacity h100 = snap.byModel().stream().filter(c -> c.gpuModel().equals("H100")).findFirst().orElseThrow();
        assertEquals(24, h100.total());
        assertEquals(2.00, h100.pricePerGpuHour(), 1e-9, "lowest price among free nodes (a3 at $2.00, a2 at $2.29)");
        assertEquals(List.of("H100", "H200", "B200"), snap.byModel().stream().map(Capacity::gpuModel).toList(),
                "largest first");
        assertEquals(2, snap.byRegion().size());
        assertEquals(3, snap.detailed().size());
    }

    @Test
    void totalsUseOnlyReportedMetrics() {
        FleetSnapshot snap = assembler.assemble(1, NOW, TestFleet.reference());
        // 40 GPUs report (a4 is down): a1 8×80, b1 8×50, others 0.
        assertEquals((8 * 80 + 8 * 50) / 40.0, snap.totals().avgUtilizationPct(), 1e-9);
        double watts = 8 * 500 + 8 * 80 + 7 * 80 + 90 + 8 * 300 + 8 * 60;
        assertEquals(watts / 1000, snap.totals().powerKw(), 1e-9);
        assertEquals(95, snap.totals().hottest().orElseThrow().value());
        assertEquals("a3", snap.totals().hottest().orElseThrow().hostname());
        assertEquals(5, snap.totals().hottest().orElseThrow().index());
        // Unhealthy: 1 hot GPU (CRIT) + 8 GPUs of the down node.
        assertEquals(9, snap.totals().unhealthyGpus());
        assertEquals(9, snap.totals().criticalGpus());
    }

    @Test
    void aGpuThatFellOffTheBusMakesTheNodeCriticalAndUnsellable() {
        Node node = TestFleet.nodeWith("x1", "p", "H100", NodeState.AVAILABLE, 8,
                List.of(TestFleet.gpu(0, "H100", 0, 40, 80), TestFleet.gpu(1, "H100", 0, 40, 80)));
        FleetSnapshot snap = assembler.assemble(1, NOW, List.of(TestFleet.ok("p", NOW, List.of(node))));
        Node evaluated = snap.nodes().getFirst();
        assertEquals(Health.CRIT, evaluated.health());
        assertTrue(evaluated.healthReasons().stream().anyMatch(r -> r.code().equals("gpu-missing")));
        assertEquals(8, snap.totals().capacity().free());
        assertEquals(0, snap.totals().capacity().sellable());
        assertEquals(6, snap.totals().unhealthyGpus());
    }

    @Test
    void absentMetricsStayAbsent() {
        Node node = TestFleet.nodeWith("s1", "p", "A100", NodeState.RENTED, 2,
                List.of(TestFleet.silentGpu(0, "A100"), TestFleet.silentGpu(1, "A100")));
        FleetSnapshot snap = assembler.assemble(1, NOW, List.of(TestFleet.ok("p", NOW, List.of(node))));
        assertTrue(Double.isNaN(snap.totals().avgUtilizationPct()));
        assertTrue(Double.isNaN(snap.totals().powerKw()));
        assertTrue(snap.totals().hottest().isEmpty());
        assertEquals(Health.OK, snap.nodes().getFirst().health());
    }

    @Test
    void dataFromAFailingProviderStaysMarkedStaleThenUnreachable() {
        List<Node> nodes = List.of(TestFleet.node("n1", "p", "us", "H100", NodeState.AVAILABLE, 8, 0, 40, 80, 2));
        FleetSnapshot stale = assembler.assemble(1, NOW,
                List.of(TestFleet.failing("p", ProviderState.STALE, NOW.minusSeconds(60), nodes)));
        Node n = stale.nodes().getFirst();
        assertEquals(NodeState.AVAILABLE, n.state(), "kept, not dropped");
        assertTrue(n.healthReasons().stream().anyMatch(r -> r.code().equals("data-stale") && r.message().contains("1 min")));
        assertEquals(0, stale.totals().capacity().sellable(), "stale capacity is not sold");
        assertEquals(8, stale.totals().capacity().free());

        FleetSnapshot gone = assembler.assemble(2, NOW,
                List.of(TestFleet.failing("p", ProviderState.DOWN, NOW.minus(Duration.ofMinutes(6)), nodes)));
        assertEquals(NodeState.UNREACHABLE, gone.nodes().getFirst().state());
        assertEquals(8, gone.totals().capacity().unavailable());
        assertEquals(1, gone.providers().getFirst().nodes());
    }

    @Test
    void offersAreMarketCapacityKeptApartAndDroppedOnceTheirSourceIsUnreachable() {
        var offer = new Offer("cloud", "H100", "H100 SXM", "8x H100", 8, "us-east-1", 64,
                StockLevel.AVAILABLE, 2.2, OfferKind.ON_DEMAND);
        ProviderView fresh = TestFleet.ok("cloud", NOW, List.of());
        fresh = new ProviderView(fresh.status(), java.util.Optional.of(new ProviderSnapshot(
                "cloud", NOW, List.of(), List.of(), List.of(offer))));
        FleetSnapshot snap = assembler.assemble(1, NOW, List.of(fresh));
        assertEquals(List.of(offer), snap.market());
        assertEquals(0, snap.totals().capacity().total(), "market GPUs are never our fleet's");

        ProviderView failing = TestFleet.failing("cloud", ProviderState.DOWN, NOW.minus(Duration.ofMinutes(6)),
                List.of());
        failing = new ProviderView(failing.status(), java.util.Optional.of(new ProviderSnapshot(
                "cloud", NOW.minus(Duration.ofMinutes(6)), List.of(), List.of(), List.of(offer))));
        assertTrue(assembler.assemble(2, NOW, List.of(failing)).market().isEmpty(),
                "an offer nobody could confirm for longer than unreachable-after is not sold");
    }
}
