package dev.fleetdeck.service.history;

import dev.fleetdeck.model.Capacity;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;

import java.util.HashMap;
import java.util.Map;

/** The names of the fleet-wide series and how a snapshot is turned into one sample of each. */
public final class FleetSeries {
    public static final String UTILIZATION_PCT = "utilization-pct";
    public static final String POWER_KW = "power-kw";
    public static final String TEMPERATURE_MAX_C = "temperature-max-c";
    public static final String TEMPERATURE_AVG_C = "temperature-avg-c";
    /** Prefix of free GPUs per model, e.g. {@code free:H100}; {@code free:*} is the whole fleet. */
    public static final String FREE = "free:";
    /** Prefix of sellable (free and healthy) GPUs per model; {@code sellable:*} is the whole fleet. */
    public static final String SELLABLE = "sellable:";

    private FleetSeries() {
    }

    /** One sample of every fleet series from a snapshot (absent metrics stay NaN). */
    public static Map<String, Double> sample(FleetSnapshot snap) {
        Map<String, Double> out = new HashMap<>();
        out.put(UTILIZATION_PCT, snap.totals().avgUtilizationPct());
        out.put(POWER_KW, snap.totals().powerKw());
        double tempSum = 0;
        double tempMax = Double.NaN;
        int temps = 0;
        for (Node node : snap.nodes()) {
            for (Gpu gpu : node.gpus()) {
                double t = gpu.temperatureC();
                if (Metrics.isPresent(t)) {
                    tempSum += t;
                    temps++;
                    tempMax = Double.isNaN(tempMax) ? t : Math.max(tempMax, t);
                }
            }
        }
        out.put(TEMPERATURE_MAX_C, tempMax);
        out.put(TEMPERATURE_AVG_C, temps == 0 ? Double.NaN : tempSum / temps);
        Capacity all = snap.totals().capacity();
        out.put(FREE + Capacity.ALL, (double) all.free());
        out.put(SELLABLE + Capacity.ALL, (double) all.sellable());
        for (Capacity c : snap.byModel()) {
            out.put(FREE + c.gpuModel(), (double) c.free());
            out.put(SELLABLE + c.gpuModel(), (double) c.sellable());
        }
        return out;
    }
}
