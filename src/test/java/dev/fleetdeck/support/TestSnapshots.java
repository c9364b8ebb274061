package dev.fleetdeck.support;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.assembly.ProviderView;
import dev.fleetdeck.service.health.HealthRules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Assembled snapshots of {@link TestFleet#reference()}, with unique GPU UUIDs, for the view tests. */
public final class TestSnapshots {
    private TestSnapshots() {
    }

    /** The reference fleet assembled at {@code at}, every GPU with a UUID unique to its node. */
    public static FleetSnapshot reference(long seq, Instant at) {
        return reference(seq, at, n -> n);
    }

    /** The reference fleet with each node passed through {@code change} before assembly. */
    public static FleetSnapshot reference(long seq, Instant at, UnaryOperator<Node> change) {
        List<ProviderView> views = new ArrayList<>();
        for (ProviderView v : TestFleet.reference()) {
            List<Node> nodes = new ArrayList<>();
            for (Node n : v.lastGood().orElseThrow().nodes()) {
                nodes.add(change.apply(withUniqueUuids(n)));
            }
            views.add(new ProviderView(v.status(), Optional.of(new ProviderSnapshot(v.status().name(), at, nodes,
                    List.of()))));
        }
        return new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(30)).assemble(seq, at, views);
    }

    /** "GPU-&lt;host&gt;0000-…-&lt;index&gt;", e.g. {@code GPU-a3000000-0000-4000-8000-000000000005}. */
    public static String uuid(String host, int index) {
        String h = (host + "00000000").substring(0, 8);
        return "GPU-" + h + "-0000-4000-8000-" + String.format("%012d", index);
    }

    private static Node withUniqueUuids(Node n) {
        List<Gpu> gpus = new ArrayList<>();
        for (Gpu g : n.gpus()) {
            gpus.add(new Gpu(g.index(), uuid(n.hostname(), g.index()), g.model(), g.utilizationPct(),
                    g.memoryUsedMiB(), g.memoryTotalMiB(), g.temperatureC(), g.memoryTemperatureC(), g.powerW(),
                    g.powerLimitW(), g.smClockMHz(), g.eccCorrected(), g.eccUncorrected(), g.lastXid(),
                    g.throttleReasons(), g.migProfile(), g.health(), g.healthReasons(), g.processes()));
        }
        return n.withHealth(gpus, n.health(), n.healthReasons());
    }
}
