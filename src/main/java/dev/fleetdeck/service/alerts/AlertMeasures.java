package dev.fleetdeck.service.alerts;

import dev.fleetdeck.model.AlertMetric;
import dev.fleetdeck.model.AlertRule;
import dev.fleetdeck.model.AlertScope;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.service.idle.IdleReport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A rule's value for every group of a snapshot. Pure. */
final class AlertMeasures {
    private AlertMeasures() {
    }

    /** Each node's group name per scope, computed once per snapshot for all rules. */
    static final class Groups {
        private final FleetSnapshot snap;
        private final String[][] names = new String[AlertScope.values().length][];

        Groups(FleetSnapshot snap) {
            this.snap = snap;
        }

        /** The node keys present, for telling an alert whose node is gone. */
        java.util.Set<String> present(AlertScope scope) {
            if (present == null) {
                present = new java.util.HashSet<>(java.util.Arrays.asList(of(scope)));
            }
            return present;
        }

        private java.util.Set<String> present;

        String[] of(AlertScope scope) {
            String[] n = names[scope.ordinal()];
            if (n == null) {
                n = new String[snap.nodes().size()];
                for (int i = 0; i < n.length; i++) {
                    n[i] = scope.groupOf(snap.nodes().get(i));
                }
                names[scope.ordinal()] = n;
            }
            return n;
        }
    }

    /** A rule's values: group names and values in parallel (NaN: the group reports nothing). */
    record Values(String[] groups, double[] values, java.util.Set<String> present) {
        boolean has(String group) {
            return present.contains(group);
        }
    }

    /** Group name → value (tests and small fleets). */
    static Map<String, Double> measure(AlertRule rule, FleetSnapshot snap, IdleReport idle) {
        Values v = measure(rule, snap, idle, new Groups(snap));
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < v.groups().length; i++) {
            if (!Double.isNaN(v.values()[i])) {
                out.put(v.groups()[i], v.values()[i]);
            }
        }
        return out;
    }

    /**
     * The rule's value per group. Nodes are measured once each into arrays; for the node scope those arrays are the
     * answer (12,500 groups at 100k GPUs, no map), other scopes fold them into their few groups.
     */
    static Values measure(AlertRule rule, FleetSnapshot snap, IdleReport idle, Groups groups) {
        if (rule.metric() == AlertMetric.PROVIDERS_DOWN) {
            Map<String, Double> out = new java.util.LinkedHashMap<>();
            double down = 0;
            for (ProviderStatus p : snap.providers()) {
                down += isDown(p) ? 1 : 0;
                if (rule.scope() == AlertScope.PROVIDER) {
                    out.put(p.name(), isDown(p) ? 1.0 : 0.0);
                }
            }
            // Only providers can be down: every other scope counts them for the whole fleet.
            if (rule.scope() != AlertScope.PROVIDER) {
                out.put("fleet", down);
            }
            return fromMap(rule, out);
        }
        List<Node> nodes = snap.nodes();
        int n = nodes.size();
        double[] value = new double[n];
        double[] count = new double[n];
        Map<String, IdleReport.NodeIdle> idleByNode = rule.metric() == AlertMetric.IDLE_RENTED_GPUS
                || rule.metric() == AlertMetric.IDLE_COST ? idle.byNodeKey() : Map.of();
        String[] nodeKeys = idleByNode.isEmpty() ? null : groups.of(AlertScope.NODE);
        for (int i = 0; i < n; i++) {
            value[i] = nodeValue(rule, nodes.get(i), idleByNode, nodeKeys == null ? null : nodeKeys[i], count, i);
        }
        String[] names = groups.of(rule.scope());
        if (rule.scope() == AlertScope.NODE) {
            if (rule.metric() == AlertMetric.UTILIZATION) {
                for (int i = 0; i < n; i++) {
                    value[i] = count[i] == 0 ? Double.NaN : value[i] / count[i];
                }
            }
            if (rule.match().isPresent()) {
                for (int i = 0; i < n; i++) {
                    if (!rule.match().get().equals(names[i])) {
                        value[i] = Double.NaN;
                    }
                }
            }
            return new Values(names, value, groups.present(AlertScope.NODE));
        }
        Map<String, double[]> acc = new java.util.LinkedHashMap<>();
        boolean max = rule.metric() == AlertMetric.GPU_TEMPERATURE || rule.metric() == AlertMetric.MEMORY_TEMPERATURE;
        for (int i = 0; i < n; i++) {
            if (names[i] == null) {
                continue;
            }
            double[] a = acc.computeIfAbsent(names[i], g -> new double[]{Double.NaN, 0});
            double v = value[i];
            if (Double.isNaN(v)) {
                continue;
            }
            a[0] = Double.isNaN(a[0]) ? v : max ? Math.max(a[0], v) : a[0] + v;
            a[1] += count[i];
        }
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        acc.forEach((g, a) -> out.put(g, rule.metric() == AlertMetric.UTILIZATION
                ? (a[1] == 0 ? Double.NaN : a[0] / a[1]) : a[0]));
        return fromMap(rule, out);
    }

    private static Values fromMap(AlertRule rule, Map<String, Double> map) {
        if (rule.match().isPresent()) {
            map.keySet().retainAll(java.util.Set.of(rule.match().get()));
        }
        String[] g = map.keySet().toArray(new String[0]);
        double[] v = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            v[i] = map.get(g[i]);
        }
        return new Values(g, v, map.keySet());
    }

    /** One node's contribution: max temperature, utilisation sum (count in {@code count}), or a count. */
    private static double nodeValue(AlertRule rule, Node node, Map<String, IdleReport.NodeIdle> idleByNode,
                                    String nodeKey, double[] count, int i) {
        double a = Double.NaN;
        switch (rule.metric()) {
            case GPU_TEMPERATURE, MEMORY_TEMPERATURE -> {
                for (Gpu g : node.gpus()) {
                    double t = rule.metric() == AlertMetric.GPU_TEMPERATURE ? g.temperatureC() : g.memoryTemperatureC();
                    if (Metrics.isPresent(t) && !(t <= a)) {
                        a = t;
                    }
                }
            }
            case UTILIZATION -> {
                for (Gpu g : node.gpus()) {
                    if (Metrics.isPresent(g.utilizationPct())) {
                        a = (Double.isNaN(a) ? 0 : a) + g.utilizationPct();
                        count[i]++;
                    }
                }
            }
            case CRITICAL_GPUS, UNHEALTHY_GPUS -> {
                a = 0;
                for (Gpu g : node.gpus()) {
                    a += g.health() == Health.CRIT || rule.metric() == AlertMetric.UNHEALTHY_GPUS
                            && g.health() == Health.WARN ? 1 : 0;
                }
            }
            case SELLABLE_GPUS -> {
                a = 0;
                if (node.state() == NodeState.AVAILABLE) {
                    for (Gpu g : node.gpus()) {
                        a += g.health().isHealthy() ? 1 : 0;
                    }
                }
            }
            case IDLE_RENTED_GPUS, IDLE_COST -> {
                a = 0;
                IdleReport.NodeIdle n = nodeKey == null ? null : idleByNode.get(nodeKey);
                if (n != null) {
                    a = rule.metric() == AlertMetric.IDLE_COST ? n.costPerHour() : n.idleGpus();
                }
            }
            case REASON -> {
                a = count(node.healthReasons(), rule.reason()) > 0 ? 1 : 0;
                for (Gpu g : node.gpus()) {
                    a += count(g.healthReasons(), rule.reason()) > 0 ? 1 : 0;
                }
            }
            case PROVIDERS_DOWN -> throw new IllegalStateException("measured per provider");
        }
        return a;
    }

    private static boolean isDown(ProviderStatus p) {
        return switch (p.state()) {
            case DOWN, AUTH_ERROR, CONFIG_ERROR -> true;
            default -> false;
        };
    }

    private static double zero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static int count(java.util.List<HealthReason> reasons, String prefix) {
        int n = 0;
        for (HealthReason r : reasons) {
            n += r.code().startsWith(prefix) ? 1 : 0;
        }
        return n;
    }

}
