package dev.fleetdeck.service.events;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.support.TestFleet;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EventDetectorTest {
    private final FleetAssembler assembler = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5));
    private final EventLog log = new EventLog(50);
    private final EventDetector detector = new EventDetector(log);
    private long seq;

    private FleetSnapshot snap(List<Node> nodes) {
        return assembler.assemble(++seq, TestFleet.NOW.plusSeconds(seq), List.of(TestFleet.ok("p", TestFleet.NOW
                .plusSeconds(seq), nodes)));
    }

    private static Node node(String host, NodeState state) {
        return TestFleet.node(host, "p", "r", "H100", state, 8, 50, 60, 500, 2);
    }

    private static Node withXid(Node n, int gpu, int xid) {
        return TestFleet.withXid(n, gpu, xid);
    }

    @Test
    void firstSnapshotIsTheBaselineThenChangesBecomeEvents() {
        detector.accept(snap(List.of(node("a", NodeState.AVAILABLE), node("b", NodeState.RENTED),
                node("c", NodeState.AVAILABLE))));
        assertEquals(0, log.total());

        Node c = node("c", NodeState.AVAILABLE);
        Node cMissing = c.withHealth(c.gpus().subList(0, 7), c.health(), c.healthReasons());
        detector.accept(snap(List.of(node("a", NodeState.RENTED), withXid(node("b", NodeState.AVAILABLE), 3, 79),
                cMissing)));
        List<FleetEvent> events = log.latest(10);
        assertThat(events).extracting(FleetEvent::kind).containsExactlyInAnyOrder(FleetEvent.Kind.RENTAL_STARTED,
                FleetEvent.Kind.RENTAL_ENDED, FleetEvent.Kind.XID, FleetEvent.Kind.GPU_MISSING);
        FleetEvent xid = events.stream().filter(e -> e.kind() == FleetEvent.Kind.XID).findFirst().orElseThrow();
        assertEquals("b GPU 3: XID 79 (GPU has fallen off the bus)", xid.message());
        assertEquals(Health.CRIT, xid.severity());
        assertEquals(3, xid.gpu());
        assertThat(events).anySatisfy(e -> assertEquals("a: rented by tenant-of-a (8 × H100)", e.message()));
        assertThat(events).anySatisfy(e -> assertEquals("c: 1 GPU(s) no longer reported (7 of 8)", e.message()));

        detector.accept(snap(List.of(node("a", NodeState.RENTED), withXid(node("b", NodeState.AVAILABLE), 3, 79),
                cMissing)));
        assertEquals(4, log.total(), "the same XID is not reported twice");
    }

    @Test
    void anXidANodeAlreadyCarriesWhenFirstSeenIsLoggedOnceSoTheHealthLineHasItsEvent() {
        detector.accept(snap(List.of(withXid(node("x", NodeState.RENTED), 4, 119), node("y", NodeState.RENTED))));
        List<FleetEvent> events = log.latest(10);
        assertEquals(1, events.size(), "only the XID, nothing else at first sight");
        assertEquals("x GPU 4: XID 119 (GSP RPC timeout), present at first poll",
                events.getFirst().message());
        assertEquals(4, events.getFirst().gpu());
        assertEquals(Health.CRIT, events.getFirst().severity());
        detector.accept(snap(List.of(withXid(node("x", NodeState.RENTED), 4, 119), node("y", NodeState.RENTED))));
        assertEquals(1, log.total(), "the same XID is not logged again");
    }

    @Test
    void aProviderGoingDownIsOneEventAndItsNodesOneSummary() {
        List<Node> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(node("n" + i, NodeState.RENTED));
        }
        detector.accept(snap(many));
        var down = TestFleet.failing("p", ProviderState.DOWN, TestFleet.NOW, many);
        detector.accept(assembler.assemble(++seq, TestFleet.NOW.plus(Duration.ofMinutes(10)), List.of(down)));
        List<FleetEvent> events = log.latest(50);
        assertEquals(2, events.size(), () -> events.toString());
        assertThat(events).anySatisfy(e -> assertThat(e.message()).startsWith("provider p: ok → down"));
        assertThat(events).anySatisfy(e -> assertEquals("100 nodes of p became unreachable (provider not answering)",
                e.message()));
    }

    @Test
    void theLogKeepsOnlyTheNewestEvents() {
        EventLog small = new EventLog(3);
        for (int i = 0; i < 10; i++) {
            small.add(new FleetEvent(TestFleet.NOW, FleetEvent.Kind.NODE_STATE, Health.OK, "p", "n" + i, -1, "e" + i));
        }
        assertEquals(10, small.total());
        assertThat(small.latest(10)).extracting(FleetEvent::message).containsExactly("e9", "e8", "e7");
    }
}
