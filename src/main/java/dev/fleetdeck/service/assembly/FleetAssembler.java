package dev.fleetdeck.service.assembly;

import dev.fleetdeck.model.Capacity;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.FleetTotals;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuRef;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.health.HealthTrends;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the providers' last answers into one {@link FleetSnapshot}: evaluates health, marks data from failing
 * providers as stale (and their nodes unreachable once a provider has been down too long), and rolls capacity up
 * per model × region × provider, per model, per region and for the fleet. Pure and stateless: safe to call from any
 * thread; the polling service calls it on its assembler thread.
 */
public final class FleetAssembler {
    private final HealthRules rules;
    private final HealthTrends trends;
    private final Duration unreachableAfter;
    private final java.util.Map<String, List<String>> joins;

    /**
     * @param rules            health rules applied to every node
     * @param unreachableAfter how long a provider may be without a successful poll before its nodes show as
     *                         unreachable
     */
    public FleetAssembler(HealthRules rules, Duration unreachableAfter) {
        this(rules, unreachableAfter, null);
    }

    /**
     * @param trends rules over time (XID bursts, ECC growth, sustained throttling); null for none
     */
    public FleetAssembler(HealthRules rules, Duration unreachableAfter, HealthTrends trends) {
        this(rules, unreachableAfter, trends, java.util.Map.of());
    }

    private FleetAssembler(HealthRules rules, Duration unreachableAfter, HealthTrends trends,
                           java.util.Map<String, List<String>> joins) {
        this.rules = rules;
        this.unreachableAfter = unreachableAfter;
        this.trends = trends;
        this.joins = java.util.Map.copyOf(joins);
    }

    /**
     * The same assembler joining nodes across sources ({@link NodeJoin}): allocation source name → the sources whose
     * per-GPU metrics belong on its nodes.
     */
    public FleetAssembler withJoins(java.util.Map<String, List<String>> next) {
        return next.equals(joins) ? this : new FleetAssembler(rules, unreachableAfter, trends, next);
    }

    /** The same assembler (sharing its health trends) with another unreachable-after setting. */
    public FleetAssembler withUnreachableAfter(Duration next) {
        return next.equals(unreachableAfter) ? this : new FleetAssembler(rules, next, trends, joins);
    }

    /** Builds the fleet snapshot from every provider's view, at time {@code now}. */
    public FleetSnapshot assemble(long sequence, Instant now, List<ProviderView> providers) {
        List<Node> nodes = new ArrayList<>();
        List<Offer> market = new ArrayList<>();
        java.util.Set<String> staleProviders = new java.util.HashSet<>();
        List<ProviderStatus> statuses = new ArrayList<>(providers.size());
        for (ProviderView view : providers) {
            ProviderStatus status = view.status();
            int before = nodes.size();
            view.lastGood().ifPresent(snap -> {
                Optional<Duration> age = status.dataAge(now);
                boolean stale = status.state().isTrouble() && status.state() != ProviderState.DEGRADED;
                boolean unreachable = stale && age.map(a -> a.compareTo(unreachableAfter) >= 0).orElse(false);
                if (!unreachable) {
                    market.addAll(snap.offers()); // an offer nobody could confirm for so long is not sold
                }
                for (Node node : snap.nodes()) {
                    nodes.add(markStale(node, stale, unreachable, age));
                }
                if (stale) {
                    staleProviders.add(status.name());
                }
            });
            statuses.add(status.withNodes(nodes.size() - before));
        }
        List<Node> joined = NodeJoin.apply(nodes, joins);
        List<Node> evaluatedNodes = new ArrayList<>(joined.size());
        for (Node node : joined) {
            Node evaluated = rules.evaluate(node);
            // Stale data repeats old values: it says nothing new about trends.
            evaluatedNodes.add(trends == null || staleProviders.contains(node.provider()) ? evaluated
                    : trends.apply(evaluated, now));
        }
        FleetSnapshot s = summarise(sequence, now, evaluatedNodes, statuses);
        return market.isEmpty() ? s : new FleetSnapshot(s.sequence(), s.takenAt(), s.nodes(), s.providers(),
                s.byModel(), s.byRegion(), s.detailed(), s.totals(), market);
    }

    private static Node markStale(Node node, boolean stale, boolean unreachable, Optional<Duration> age) {
        if (!stale) {
            return node;
        }
        Node marked = unreachable && node.state() != NodeState.UNREACHABLE ? node.withState(NodeState.UNREACHABLE) : node;
        List<HealthReason> reasons = new ArrayList<>(marked.healthReasons());
        reasons.add(new HealthReason(Health.UNKNOWN, "data-stale",
                "data is " + age.map(Units::age).orElse("of unknown age") + " old: provider " + node.provider()
                        + " is not answering"));
        return marked.withHealth(marked.gpus(), marked.health(), reasons);
    }

    /**
     * A snapshot of nodes already evaluated (a frame rebuilt from a recording): capacity and totals summed up the
     * same way as a live cycle's, so the two agree value by value. Any thread.
     */
    public static FleetSnapshot summarise(long sequence, Instant now, List<Node> nodes, List<ProviderStatus> statuses,
                                          List<Offer> market) {
        FleetSnapshot s = summarise(sequence, now, nodes, statuses);
        return market.isEmpty() ? s : new FleetSnapshot(s.sequence(), s.takenAt(), s.nodes(), s.providers(),
                s.byModel(), s.byRegion(), s.detailed(), s.totals(), market);
    }

    private static FleetSnapshot summarise(long sequence, Instant now, List<Node> nodes, List<ProviderStatus> statuses) {
        Map<String, CapacityCounter> detailed = new HashMap<>();
        Map<String, CapacityCounter> byModel = new HashMap<>();
        Map<String, CapacityCounter> byRegion = new HashMap<>();
        CapacityCounter fleet = new CapacityCounter(Capacity.ALL, Capacity.ALL, Capacity.ALL);
        double utilSum = 0;
        int utilCount = 0;
        double powerW = 0;
        int powerCount = 0;
        double limitW = 0;
        int limitCount = 0;
        GpuRef hottest = null;
        int unhealthy = 0;
        int critical = 0;
        for (Node node : nodes) {
            detailed.computeIfAbsent(node.gpuModel() + '\u0000' + node.region() + '\u0000' + node.provider(),
                    k -> new CapacityCounter(node.gpuModel(), node.region(), node.provider())).add(node);
            byModel.computeIfAbsent(node.gpuModel(), k -> new CapacityCounter(k, Capacity.ALL, Capacity.ALL)).add(node);
            byRegion.computeIfAbsent(node.region(), k -> new CapacityCounter(Capacity.ALL, k, Capacity.ALL)).add(node);
            fleet.add(node);
            if (node.state() == NodeState.DOWN) {
                unhealthy += node.gpuCount();
                critical += node.gpuCount();
                continue;
            }
            if (node.state() != NodeState.MAINTENANCE && node.state() != NodeState.UNREACHABLE) {
                int missing = node.expectedGpus() - node.gpus().size();
                unhealthy += Math.max(0, missing);
                critical += Math.max(0, missing);
            }
            for (Gpu gpu : node.gpus()) {
                if (Metrics.isPresent(gpu.utilizationPct())) {
                    utilSum += gpu.utilizationPct();
                    utilCount++;
                }
                if (Metrics.isPresent(gpu.powerW())) {
                    powerW += gpu.powerW();
                    powerCount++;
                }
                if (Metrics.isPresent(gpu.powerLimitW())) {
                    limitW += gpu.powerLimitW();
                    limitCount++;
                }
                if (Metrics.isPresent(gpu.temperatureC()) && (hottest == null || gpu.temperatureC() > hottest.value())) {
                    hottest = new GpuRef(node.provider(), node.hostname(), gpu.index(), gpu.temperatureC());
                }
                if (gpu.health() == Health.WARN || gpu.health() == Health.CRIT) {
                    unhealthy++;
                    if (gpu.health() == Health.CRIT) {
                        critical++;
                    }
                }
            }
        }
        FleetTotals totals = new FleetTotals(fleet.toCapacity(), nodes.size(),
                utilCount == 0 ? Metrics.ABSENT : utilSum / utilCount,
                powerCount == 0 ? Metrics.ABSENT : powerW / 1000.0,
                limitCount == 0 ? Metrics.ABSENT : limitW / 1000.0,
                Optional.ofNullable(hottest), unhealthy, critical);
        return new FleetSnapshot(sequence, now, nodes, statuses, sorted(byModel), sorted(byRegion), sorted(detailed),
                totals);
    }

    private static List<Capacity> sorted(Map<String, CapacityCounter> counters) {
        return counters.values().stream()
                .map(CapacityCounter::toCapacity)
                .sorted(Comparator.comparingInt(Capacity::total).reversed()
                        .thenComparing(Capacity::gpuModel)
                        .thenComparing(Capacity::region)
                        .thenComparing(Capacity::provider))
                .toList();
    }
}
