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
import java.util.Map;

/** A rule's value for every group of a snapshot. Pure. */
final class AlertMeasures {
    private AlertMeasures() {
    }

    /** Group name → value; groups without any value (no GPU reporting the metric) are left out. */
    static Map<String, Double> measure(AlertRule rule, FleetSnapshot snap, IdleReport idle) {
        Map<String, Double> out = new HashMap<>();
        if (rule.metric() == AlertMetric.PROVIDERS_DOWN) {
            // Counted per provider; other scopes have no providers to count, so the fleet stands for them.
            double down = 0;
            for (ProviderStatus p : snap.providers()) {
                down += isDown(p) ? 1 : 0;
                if (rule.scope() == AlertScope.PROVIDER) {
                    out.put(p.name(), isDown(p) ? 1.0 : 0.0);
                }
            }
            if (rule.scope() != AlertScope.PROVIDER) {
                out.put("fleet", down);
            }
            return filter(rule, out);
        }
        Map<String, IdleReport.NodeIdle> idleByNode = rule.metric() == AlertMetric.IDLE_RENTED_GPUS
                || rule.metric() == AlertMetric.IDLE_COST ? idle.byNodeKey() : Map.of();
        Map<String, double[]> acc = new HashMap<>(); // sum, count
        for (Node node : snap.nodes()) {
            String group = rule.scope().groupOf(node);
            if (group == null || rule.match().isPresent() && !rule.match().get().equals(group)) {
                continue;
            }
            double[] a = acc.computeIfAbsent(group, g -> new double[]{Double.NaN, 0});
            switch (rule.metric()) {
                case GPU_TEMPERATURE, MEMORY_TEMPERATURE -> {
                    for (Gpu g : node.gpus()) {
                        double t = rule.metric() == AlertMetric.GPU_TEMPERATURE ? g.temperatureC()
                                : g.memoryTemperatureC();
                        if (Metrics.isPresent(t) && !(t <= a[0])) {
                            a[0] = t;
                        }
                    }
                }
                case UTILIZATION -> {
                    for (Gpu g : node.gpus()) {
                        if (Metrics.isPresent(g.utilizationPct())) {
                            a[0] = (Double.isNaN(a[0]) ? 0 : a[0]) + g.utilizationPct();
                            a[1]++;
                        }
                    }
                }
                case CRITICAL_GPUS, UNHEALTHY_GPUS -> {
                    a[0] = zero(a[0]);
                    for (Gpu g : node.gpus()) {
                        a[0] += g.health() == Health.CRIT || rule.metric() == AlertMetric.UNHEALTHY_GPUS
                                && g.health() == Health.WARN ? 1 : 0;
                    }
                }
                case SELLABLE_GPUS -> {
                    a[0] = zero(a[0]);
                    if (node.state() == NodeState.AVAILABLE) {
                        for (Gpu g : node.gpus()) {
                            a[0] += g.health().isHealthy() ? 1 : 0;
                        }
                    }
                }
                case IDLE_RENTED_GPUS, IDLE_COST -> {
                    a[0] = zero(a[0]);
                    IdleReport.NodeIdle n = idleByNode.get(node.provider() + "/" + node.hostname());
                    if (n != null) {
                        a[0] += rule.metric() == AlertMetric.IDLE_COST ? n.costPerHour() : n.idleGpus();
                    }
                }
                case REASON -> {
                    a[0] = zero(a[0]);
                    a[0] += count(node.healthReasons(), rule.reason()) > 0 ? 1 : 0;
                    for (Gpu g : node.gpus()) {
                        a[0] += count(g.healthReasons(), rule.reason()) > 0 ? 1 : 0;
                    }
                }
                case PROVIDERS_DOWN -> throw new IllegalStateException();
            }
        }
        acc.forEach((g, a) -> {
            if (!Double.isNaN(a[0])) {
                out.put(g, rule.metric() == AlertMetric.UTILIZATION ? a[0] / a[1] : a[0]);
            }
        });
        return out;
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

    private static Map<String, Double> filter(AlertRule rule, Map<String, Double> values) {
        if (rule.match().isPresent()) {
            values.keySet().retainAll(java.util.Set.of(rule.match().get()));
        }
        return values;
    }
}
