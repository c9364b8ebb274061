package dev.fleetdeck.provider.sim;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ThrottleReason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic simulated GPU fleet. Discrete events (rentals starting and ending, nodes failing and being
 * repaired, XID and ECC errors) advance in one-minute simulated ticks from a seeded random stream; continuous
 * metrics (utilisation, temperature, power, clocks, memory) are pure functions of the seed, the node state and
 * the simulated minute. The same settings advanced to the same simulated time give the same fleet.
 *
 * <p>Not thread-safe: owned by one {@link SimulatedProvider}, which the polling service never polls twice at once.
 */
final class SimulatedFleet {
    /** At most this much simulated time is replayed tick by tick; beyond it the fleet jumps (e.g. after sleep). */
    private static final long MAX_REPLAY_TICKS = 7 * 24 * 60;
    private static final double MEAN_RENTAL_TICKS = 10 * 60;
    private static final double FAILURE_PER_NODE_TICK = 1.5e-5;
    private static final double XID_PER_GPU_TICK = 2.0e-6;
    private static final double ECC_SBE_PER_GPU_TICK = 4.0e-5;
    private static final int[] XIDS = {13, 31, 43, 48, 63, 74, 79, 94, 119};

    private final SimSettings settings;
    private final List<Tenant> tenants;
    private final SplittableRandom events;
    private final int n;
    private final int g;

    // Inventory, fixed for the seed.
    private final String[] hostnames;
    private final String[] regions;
    private final GpuSpec[] specs;
    private final double[] prices;
    private final double[] inletC;
    private final String[] driver;

    // Per-node state, changed by ticks.
    private final NodeState[] state;
    private final int[] tenant;
    private final long[] until;
    // Per-GPU state (index node * g + gpu).
    private final double[] eccCorrected;
    private final double[] eccUncorrected;
    private final int[] lastXid;
    private final boolean[] lost;

    private long tick;

    SimulatedFleet(SimSettings settings, Instant simStart) {
        this.settings = settings;
        this.tenants = Tenant.generate(settings.seed(), settings.tenants());
        this.events = new SplittableRandom(settings.seed());
        this.n = settings.nodes();
        this.g = settings.gpusPerNode();
        this.hostnames = new String[n];
        this.regions = new String[n];
        this.specs = new GpuSpec[n];
        this.prices = new double[n];
        this.inletC = new double[n];
        this.driver = new String[n];
        this.state = new NodeState[n];
        this.tenant = new int[n];
        this.until = new long[n];
        this.eccCorrected = new double[n * g];
        this.eccUncorrected = new double[n * g];
        this.lastXid = new int[n * g];
        this.lost = new boolean[n * g];
        this.tick = simStart.getEpochSecond() / 60;
        buildInventory();
        seedSteadyState();
    }

    private void buildInventory() {
        SplittableRandom inventory = new SplittableRandom(settings.seed() * 31 + 7);
        double totalWeight = settings.models().values().stream().mapToDouble(Double::doubleValue).sum();
        List<Map.Entry<String, Double>> mix = List.copyOf(settings.models().entrySet());
        for (int i = 0; i < n; i++) {
            double roll = inventory.nextDouble() * totalWeight;
            String model = mix.getLast().getKey();
            for (Map.Entry<String, Double> e : mix) {
                roll -= e.getValue();
                if (roll < 0) {
                    model = e.getKey();
                    break;
                }
            }
            specs[i] = GpuSpec.find(model).orElseThrow();
            regions[i] = settings.regions().get(i % settings.regions().size());
            hostnames[i] = String.format("%s-%s-%04d", settings.hostPrefix(), specs[i].model().toLowerCase(java.util.Locale.ROOT), i);
            double regionFactor = 0.92 + 0.16 * Noise.unit(settings.seed(), regions[i].hashCode(), 1, 0);
            prices[i] = Math.round(specs[i].pricePerGpuHour() * regionFactor * 100) / 100.0;
            inletC[i] = 22 + 6 * Noise.unit(settings.seed(), regions[i].hashCode(), 2, 0) + 2 * inventory.nextDouble();
            driver[i] = inventory.nextDouble() < 0.8 ? "580.105.08" : "570.172.08";
        }
    }

    /** Starts the fleet as if it had been running: rentals already under way, a few nodes out of service. */
    private void seedSteadyState() {
        for (int i = 0; i < n; i++) {
            double roll = events.nextDouble();
            double demand = specs[i].demand();
            if (roll < 0.01 * settings.eventRate()) {
                setState(i, NodeState.MAINTENANCE, -1, tick + 60 + events.nextInt(24 * 60));
            } else if (roll < 0.01 * settings.eventRate() + 0.05) {
                setState(i, NodeState.RESERVED, events.nextInt(tenants.size()), tick + 60 + events.nextInt(48 * 60));
            } else if (events.nextDouble() < demand) {
                setState(i, NodeState.RENTED, events.nextInt(tenants.size()), tick + rentalTicks());
            } else {
                setState(i, NodeState.AVAILABLE, -1, Long.MAX_VALUE);
            }
        }
    }

    /** Replays events up to the given simulated time. */
    void advanceTo(Instant simTime) {
        long target = simTime.getEpochSecond() / 60;
        if (target - tick > MAX_REPLAY_TICKS) {
            tick = target - MAX_REPLAY_TICKS;
        }
        while (tick < target) {
            tick++;
            for (int i = 0; i < n; i++) {
                stepNode(i);
            }
        }
    }

    private void stepNode(int i) {
        double rate = settings.eventRate();
        switch (state[i]) {
            case RENTED, RESERVED -> {
                if (tick >= until[i]) {
                    setState(i, NodeState.AVAILABLE, -1, Long.MAX_VALUE);
                }
            }
            case AVAILABLE -> {
                // Start probability that keeps the rented share near the model's demand.
                double d = specs[i].demand();
                double p = d / (1 - d) / MEAN_RENTAL_TICKS;
                if (events.nextDouble() < p) {
                    int who = events.nextInt(tenants.size());
                    setState(i, events.nextDouble() < 0.06 ? NodeState.RESERVED : NodeState.RENTED, who,
                            tick + rentalTicks());
                }
            }
            case DOWN, MAINTENANCE, UNREACHABLE -> {
                if (tick >= until[i]) {
                    repair(i);
                }
            }
        }
        if ((state[i] == NodeState.RENTED || state[i] == NodeState.AVAILABLE || state[i] == NodeState.RESERVED)
                && events.nextDouble() < FAILURE_PER_NODE_TICK * rate) {
            setState(i, NodeState.DOWN, tenant[i], tick + 20 + events.nextInt(4 * 60));
            return;
        }
        if (state[i] == NodeState.RENTED && rate > 0) {
            stepGpuErrors(i, rate);
        }
    }

    private void stepGpuErrors(int i, double rate) {
        for (int k = 0; k < g; k++) {
            int at = i * g + k;
            if (lost[at]) {
                continue;
            }
            if (events.nextDouble() < ECC_SBE_PER_GPU_TICK * rate) {
                eccCorrected[at] += 1 + events.nextInt(3);
            }
            if (events.nextDouble() < XID_PER_GPU_TICK * rate) {
                int xid = XIDS[events.nextInt(XIDS.length)];
                lastXid[at] = xid;
                if (xid == 48) {
                    eccUncorrected[at] += 1;
                }
                if (xid == 79) {
                    lost[at] = true; // fell off the bus until the node is repaired
                }
            }
        }
    }

    private void repair(int i) {
        setState(i, NodeState.AVAILABLE, -1, Long.MAX_VALUE);
        for (int k = 0; k < g; k++) {
            int at = i * g + k;
            lost[at] = false;
            lastXid[at] = 0;
            eccUncorrected[at] = 0;
            eccCorrected[at] = 0;
        }
    }

    private long rentalTicks() {
        // Exponential with a floor of one hour: rentals are hours to days.
        return 60 + (long) (-Math.log(1 - events.nextDouble()) * MEAN_RENTAL_TICKS);
    }

    private void setState(int i, NodeState s, int who, long end) {
        state[i] = s;
        tenant[i] = who;
        until[i] = end;
    }

    /** The fleet's nodes at the current simulated minute, as a provider would report them. */
    List<Node> nodes(String providerName) {
        double hourOfDay = (tick % (24 * 60)) / 60.0;
        List<Node> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Gpu> gpus = state[i] == NodeState.DOWN ? List.of() : gpus(i, hourOfDay);
            Optional<String> who = tenant[i] >= 0 ? Optional.of(tenants.get(tenant[i]).name()) : Optional.empty();
            out.add(new Node(hostnames[i], providerName, regions[i], specs[i].model(), state[i], who, prices[i],
                    driver[i], driver[i].startsWith("580") ? "13.0" : "12.8", g, gpus, Health.UNKNOWN, List.of()));
        }
        return out;
    }

    private List<Gpu> gpus(int i, double hourOfDay) {
        GpuSpec spec = specs[i];
        Tenant t = state[i] == NodeState.RENTED && tenant[i] >= 0 ? tenants.get(tenant[i]) : null;
        List<Gpu> out = new ArrayList<>(g);
        long seed = settings.seed();
        for (int k = 0; k < g; k++) {
            int at = i * g + k;
            if (lost[at]) {
                continue; // nvidia-smi no longer sees it
            }
            double jitter = Noise.signed(seed, i, k, tick);
            double util = 0;
            double memFraction = 0.006;
            if (t != null) {
                double perGpu = 0.85 + 0.15 * Noise.unit(seed, i, k, 3);
                util = clamp(t.utilizationAt(hourOfDay) * perGpu + 4 * jitter, 0, 100);
                memFraction = t.memoryShare() * (0.9 + 0.1 * Noise.unit(seed, i, k, 4));
            }
            // Some slots sit in a hotter spot of the chassis; a rare few have poor cooling.
            double slotOffset = 6 * Noise.unit(seed, i, k, 5) + (Noise.unit(seed, i, k, 6) < 0.004 ? 14 : 0);
            double temp = inletC[i] + 3 + spec.thermalRiseC() * util / 100 + slotOffset + 1.5 * jitter;
            double draw = spec.idleW() + (spec.tdpW() - spec.idleW()) * Math.pow(util / 100, 1.1)
                    * (0.9 + 0.22 * Noise.unit(seed, i, k, tick + 7)); // heavy kernels can ask for more than TDP
            Set<ThrottleReason> throttle = EnumSet.noneOf(ThrottleReason.class);
            double clock = util > 1 ? spec.maxSmClockMHz() : 345;
            if (draw >= spec.tdpW() * 0.98) {
                draw = spec.tdpW();
                throttle.add(ThrottleReason.SW_POWER_CAP);
                clock *= 0.93;
            }
            if (temp >= spec.slowdownC()) {
                throttle.add(ThrottleReason.HW_THERMAL_SLOWDOWN);
                clock *= 0.8;
            }
            String uuid = String.format("GPU-%08x-%04x-%04x-%04x-%012x", (int) (seed * 7919 + i), k, i & 0xffff,
                    (int) (seed & 0xffff), (long) i * 16 + k);
            out.add(new Gpu(k, uuid, spec.model(), Math.round(util), Math.round(spec.memoryMiB() * memFraction),
                    spec.memoryMiB(), Math.round(temp), Math.round(temp + 6), Math.round(draw * 10) / 10.0,
                    spec.tdpW(), Math.round(clock), eccCorrected[at], eccUncorrected[at], lastXid[at], throttle, "",
                    Health.UNKNOWN, List.of()));
        }
        return out;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Current simulated time (start of the current minute). */
    /** Free GPUs per model now: GPUs of available nodes that have not fallen off the bus. */
    Map<String, Integer> freeByModel() {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            int free = 0;
            if (state[i] == NodeState.AVAILABLE) {
                for (int k = 0; k < g; k++) {
                    free += lost[i * g + k] ? 0 : 1;
                }
            }
            out.merge(specs[i].model(), free, Integer::sum);
        }
        return out;
    }

    Instant simTime() {
        return Instant.ofEpochSecond(tick * 60);
    }

    /** For tests: how many GPUs are currently lost (fell off the bus). */
    int lostGpus() {
        int c = 0;
        for (boolean b : lost) {
            c += b ? 1 : 0;
        }
        return c;
    }
}
