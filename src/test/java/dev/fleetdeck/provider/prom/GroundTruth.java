package dev.fleetdeck.provider.prom;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.sim.SimSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Compares what a provider read with the simulated fleet an exporter served. */
final class GroundTruth {
    private GroundTruth() {
    }

    static SimSettings fleet(int nodes) {
        SimSettings d = SimSettings.defaults();
        return new SimSettings(11, nodes, 8, d.regions(), d.models(), 8, 1.0, "gpu", Optional.empty(), 1.0);
    }

    /** Nodes the exporter shows: those with GPUs (a node that is down exports nothing). */
    static List<Node> visible(List<Node> truth) {
        return truth.stream().filter(n -> !n.gpus().isEmpty()).toList();
    }

    static void assertMatches(List<Node> truth, List<Node> actual, boolean regionsKnown) {
        List<Node> expected = visible(truth);
        Map<String, Node> byHost = actual.stream().collect(Collectors.toMap(Node::hostname, Function.identity()));
        assertEquals(expected.size(), actual.size(), "nodes");
        assertEquals(expected.stream().mapToInt(n -> n.gpus().size()).sum(),
                actual.stream().mapToInt(n -> n.gpus().size()).sum(), "GPUs");
        for (Node t : expected) {
            Node a = byHost.get(t.hostname());
            assertEquals(t.hostname(), a == null ? null : a.hostname(), "node present");
            assertEquals(t.gpuModel(), a.gpuModel(), t.hostname());
            assertEquals(t.gpus().size(), a.gpus().size(), t.hostname());
            if (regionsKnown) {
                assertEquals(t.region(), a.region(), t.hostname());
            }
            boolean rented = t.state() == NodeState.RENTED;
            assertEquals(rented ? NodeState.RENTED : NodeState.AVAILABLE, a.state(), t.hostname());
            if (rented) {
                assertEquals(t.tenant(), a.tenant(), t.hostname());
            }
            for (int i = 0; i < t.gpus().size(); i++) {
                Gpu tg = t.gpus().get(i);
                Gpu ag = a.gpus().get(i);
                String where = t.hostname() + " GPU " + tg.index();
                assertEquals(tg.index(), ag.index(), where);
                assertEquals(tg.uuid(), ag.uuid(), where);
                assertEquals(tg.utilizationPct(), ag.utilizationPct(), 1e-9, where + " utilisation");
                assertEquals(tg.temperatureC(), ag.temperatureC(), 1e-9, where + " temperature");
                assertEquals(tg.powerW(), ag.powerW(), 1e-9, where + " power");
                assertEquals(tg.memoryUsedMiB(), ag.memoryUsedMiB(), 1e-6, where + " memory used");
                assertEquals(tg.memoryTotalMiB(), ag.memoryTotalMiB(), 1e-6, where + " memory total");
                assertEquals(tg.lastXid(), ag.lastXid(), where + " XID");
                assertEquals(tg.throttleReasons(), ag.throttleReasons(), where + " throttle");
            }
        }
    }
}
