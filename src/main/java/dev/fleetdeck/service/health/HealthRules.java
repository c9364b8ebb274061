package dev.fleetdeck.service.health;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.TemperatureLimits;
import dev.fleetdeck.model.ThrottleReason;
import dev.fleetdeck.model.Units;

import java.util.ArrayList;
import java.util.List;

/**
 * Health rules over one snapshot: temperatures against each model's limits ({@link TemperatureLimits}),
 * uncorrectable ECC errors, serious XID classes, thermal throttling, GPUs that fell off the bus, and node states;
 * reasons a provider reports (row remap, recovery action, DCGM health, lost GPU) are kept. Pure: the same node gives
 * the same verdict. Rules over time (XID bursts, ECC growth, sustained throttling) are {@link HealthTrends}.
 */
public final class HealthRules {

    /** Limits per model key; null means {@link TemperatureLimits#of}. */
    private final TemperatureLimits fixed;

    /** The same limits for every model (tests, single-model labs). */
    public HealthRules(double gpuWarnC, double gpuCritC, double memWarnC, double memCritC) {
        this.fixed = new TemperatureLimits(gpuWarnC, gpuCritC, memWarnC, memCritC);
    }

    private HealthRules() {
        this.fixed = null;
    }

    /** Each model's own limits ({@link TemperatureLimits}). */
    public static HealthRules defaults() {
        return new HealthRules();
    }

    private TemperatureLimits limits(String model) {
        return fixed != null ? fixed : TemperatureLimits.of(model);
    }

    /** Evaluates every GPU of a node and the node itself. */
    public Node evaluate(Node node) {
        List<Gpu> gpus = new ArrayList<>(node.gpus().size());
        Health worst = Health.OK;
        for (Gpu gpu : node.gpus()) {
            Gpu evaluated = evaluate(gpu);
            gpus.add(evaluated);
            worst = Health.worst(worst, evaluated.health());
        }
        List<HealthReason> reasons = new ArrayList<>(node.healthReasons());
        switch (node.state()) {
            case DOWN -> reasons.add(new HealthReason(Health.CRIT, "node-down", node.hostname() + " is down"));
            case UNREACHABLE -> reasons.add(new HealthReason(Health.UNKNOWN, "node-unreachable",
                    node.hostname() + ": provider " + node.provider() + " has not answered"));
            default -> {
                int missing = node.expectedGpus() - node.gpus().size();
                if (missing > 0 && node.state() != NodeState.MAINTENANCE) {
                    reasons.add(new HealthReason(Health.CRIT, "gpu-missing", node.gpus().size() + " of "
                            + node.expectedGpus() + " GPUs visible: " + missing + " fell off the bus"));
                }
            }
        }
        for (HealthReason r : reasons) {
            worst = Health.worst(worst, r.severity());
        }
        return node.withHealth(gpus, worst, reasons);
    }

    /** Evaluates one GPU; reasons its provider gave (e.g. "row remap failed") are kept. */
    public Gpu evaluate(Gpu gpu) {
        List<HealthReason> reasons = new ArrayList<>(gpu.healthReasons());
        TemperatureLimits lim = limits(gpu.model());
        double gpuWarnC = lim.gpuWarnC();
        double gpuCritC = lim.gpuCritC();
        double memWarnC = lim.memWarnC();
        double memCritC = lim.memCritC();
        double t = gpu.temperatureC();
        if (Metrics.isPresent(t) && t >= gpuCritC) {
            reasons.add(new HealthReason(Health.CRIT, "gpu-hot", "GPU " + gpu.index() + " at " + Units.celsius(t)
                    + " (limit " + Units.celsius(gpuCritC) + ")"));
        } else if (Metrics.isPresent(t) && t >= gpuWarnC) {
            reasons.add(new HealthReason(Health.WARN, "gpu-warm", "GPU " + gpu.index() + " at " + Units.celsius(t)
                    + " (warn at " + Units.celsius(gpuWarnC) + ")"));
        }
        double m = gpu.memoryTemperatureC();
        if (Metrics.isPresent(m) && m >= memCritC) {
            reasons.add(new HealthReason(Health.CRIT, "mem-hot", "GPU " + gpu.index() + " memory at " + Units.celsius(m)
                    + " (limit " + Units.celsius(memCritC) + ")"));
        } else if (Metrics.isPresent(m) && m >= memWarnC) {
            reasons.add(new HealthReason(Health.WARN, "mem-warm", "GPU " + gpu.index() + " memory at " + Units.celsius(m)
                    + " (warn at " + Units.celsius(memWarnC) + ")"));
        }
        if (Metrics.isPresent(gpu.eccUncorrected()) && gpu.eccUncorrected() > 0) {
            reasons.add(new HealthReason(Health.CRIT, "ecc-dbe", "GPU " + gpu.index() + ": "
                    + Units.count((long) gpu.eccUncorrected()) + " uncorrectable ECC errors"));
        }
        if (gpu.lastXid() != 0) {
            boolean serious = XidCatalog.isSerious(gpu.lastXid());
            reasons.add(new HealthReason(serious ? Health.CRIT : Health.WARN, "xid-" + gpu.lastXid(),
                    "GPU " + gpu.index() + ": XID " + gpu.lastXid() + XidCatalog.advice(gpu.lastXid())
                            .map(a -> " (" + a.description() + ") · " + a.now()).orElse("")));
        }
        boolean hot = false;
        for (ThrottleReason r : gpu.throttleReasons()) { // a loop, not a stream: this runs for every GPU every poll
            hot |= r.isThermal();
        }
        if (hot) {
            reasons.add(new HealthReason(Health.WARN, "thermal-throttle", "GPU " + gpu.index() + " slowed down by heat"));
        }
        Health health = Health.OK;
        for (HealthReason r : reasons) {
            health = Health.worst(health, r.severity());
        }
        return gpu.withHealth(health, reasons);
    }
}
