package dev.fleetdeck.support;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.ThrottleReason;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.service.assembly.ProviderView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Hand-built nodes, GPUs and provider views with known values, for tests. */
public final class TestFleet {
    public static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private TestFleet() {
    }

    /** A GPU with the given utilisation, temperature and power; other metrics plausible. */
    public static Gpu gpu(int index, String model, double util, double tempC, double powerW) {
        return new Gpu(index, "GPU-" + model + "-" + index, model, util, 1024, 81_559, tempC, tempC + 5, powerW, 700,
                1980, 0, 0, 0, Set.of(), "", Health.UNKNOWN, List.of());
    }

    /** A GPU that reports nothing but its identity. */
    public static Gpu silentGpu(int index, String model) {
        double a = Metrics.ABSENT;
        return new Gpu(index, "", model, a, a, a, a, a, a, a, a, a, a, 0, Set.<ThrottleReason>of(), "", Health.UNKNOWN,
                List.of());
    }

    /** A node with {@code gpus} GPUs, all at the given metrics. */
    public static Node node(String host, String provider, String region, String model, NodeState state,
                            int gpus, double util, double tempC, double powerW, double price) {
        List<Gpu> list = new ArrayList<>();
        if (state != NodeState.DOWN) {
            for (int i = 0; i < gpus; i++) {
                list.add(gpu(i, model, util, tempC, powerW));
            }
        }
        Optional<String> tenant = state == NodeState.RENTED || state == NodeState.RESERVED
                ? Optional.of("tenant-of-" + host) : Optional.empty();
        return new Node(host, provider, region, model, state, tenant, price, "580.105.08", "13.0", gpus, list,
                Health.UNKNOWN, List.of());
    }

    /** A node whose GPU list is given. */
    public static Node nodeWith(String host, String provider, String model, NodeState state, int expected, List<Gpu> gpus) {
        return new Node(host, provider, "us-east-1", model, state, Optional.empty(), 2.0, "", "", expected, gpus,
                Health.UNKNOWN, List.of());
    }

    /** A provider that answered at {@code at}, with state OK. */
    public static ProviderView ok(String name, Instant at, List<Node> nodes) {
        ProviderStatus status = new ProviderStatus(name, "test", ProviderState.OK, Optional.of(at), Optional.empty(), 0,
                nodes.size(), Duration.ofMillis(12), Optional.empty(), List.of());
        return new ProviderView(status, Optional.of(new ProviderSnapshot(name, at, nodes, List.of())));
    }

    /** A provider in the given trouble state whose last good answer is from {@code lastGood}. */
    public static ProviderView failing(String name, ProviderState state, Instant lastGood, List<Node> nodes) {
        ProviderStatus status = new ProviderStatus(name, "test", state, Optional.of(lastGood),
                Optional.of(name + ": connection refused"), 5, nodes.size(), Duration.ofMillis(3),
                Optional.empty(), List.of());
        return new ProviderView(status, Optional.of(new ProviderSnapshot(name, lastGood, nodes, List.of())));
    }

    /**
     * The reference fleet used by the UI tests: 2 providers, 6 nodes of 8 GPUs (48 GPUs).
     * alpha: a1 rented H100 (util 80, 70 °C, 500 W), a2 available H100 (0, 40 °C, 80 W),
     *        a3 available H100 with one GPU at 95 °C, a4 down B200.
     * beta:  b1 reserved H200 (util 50, 60 °C, 300 W), b2 maintenance H200 (0, 35 °C, 60 W).
     */
    public static List<ProviderView> reference() {
        Node a3 = node("a3", "alpha", "us-east-1", "H100", NodeState.AVAILABLE, 8, 0, 41, 80, 2.10);
        List<Gpu> a3Gpus = new ArrayList<>(a3.gpus());
        a3Gpus.set(5, gpu(5, "H100", 0, 95, 90));
        a3 = nodeWith("a3", "alpha", "H100", NodeState.AVAILABLE, 8, a3Gpus);
        List<Node> alpha = List.of(
                node("a1", "alpha", "us-east-1", "H100", NodeState.RENTED, 8, 80, 70, 500, 2.49),
                node("a2", "alpha", "us-east-1", "H100", NodeState.AVAILABLE, 8, 0, 40, 80, 2.29),
                a3,
                node("a4", "alpha", "us-east-1", "B200", NodeState.DOWN, 8, 0, 0, 0, 5.29));
        List<Node> beta = List.of(
                node("b1", "beta", "eu-central-1", "H200", NodeState.RESERVED, 8, 50, 60, 300, 3.39),
                node("b2", "beta", "eu-central-1", "H200", NodeState.MAINTENANCE, 8, 0, 35, 60, 3.39));
        return List.of(ok("alpha", NOW.minusSeconds(3), alpha), ok("beta", NOW.minusSeconds(1), beta));
    }

    /** The node with GPU {@code gpu} reporting XID {@code xid} as its last one. */
    public static Node withXid(Node n, int gpu, int xid) {
        List<Gpu> gpus = new ArrayList<>(n.gpus());
        Gpu g = gpus.get(gpu);
        gpus.set(gpu, new Gpu(g.index(), g.uuid(), g.model(), g.utilizationPct(), g.memoryUsedMiB(),
                g.memoryTotalMiB(), g.temperatureC(), g.memoryTemperatureC(), g.powerW(), g.powerLimitW(),
                g.smClockMHz(), g.eccCorrected(), g.eccUncorrected(), xid, g.throttleReasons(), g.migProfile(),
                g.health(), g.healthReasons()));
        return n.withHealth(gpus, n.health(), n.healthReasons());
    }
}
