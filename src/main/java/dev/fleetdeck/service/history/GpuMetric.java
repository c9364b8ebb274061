package dev.fleetdeck.service.history;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Metrics;

/**
 * A per-GPU metric kept in history, stored as a 16-bit fixed-point number ({@code value × scale}) so that 100k GPUs
 * fit in a fixed, small amount of memory. {@link Short#MIN_VALUE} means absent.
 */
public enum GpuMetric {
    UTILIZATION_PCT("utilisation", "%", 100),
    MEMORY_USED_PCT("memory used", "%", 100),
    TEMPERATURE_C("temperature", "°C", 100),
    POWER_W("power", "W", 10);

    static final short ABSENT = Short.MIN_VALUE;

    private final String label;
    private final String unit;
    private final double scale;

    GpuMetric(String label, String unit, double scale) {
        this.label = label;
        this.unit = unit;
        this.scale = scale;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** The metric's value on a GPU (NaN when absent). */
    public double of(Gpu gpu) {
        return switch (this) {
            case UTILIZATION_PCT -> gpu.utilizationPct();
            case MEMORY_USED_PCT -> gpu.memoryUsedPct();
            case TEMPERATURE_C -> gpu.temperatureC();
            case POWER_W -> gpu.powerW();
        };
    }

    /** Resolution: the smallest step stored (0.01 %, 0.01 °C, 0.1 W). */
    public double step() {
        return 1 / scale;
    }

    short encode(double value) {
        if (!Metrics.isPresent(value)) {
            return ABSENT;
        }
        long v = Math.round(value * scale);
        return (short) Math.max(Short.MIN_VALUE + 1, Math.min(Short.MAX_VALUE, v));
    }

    double decode(short stored) {
        return stored == ABSENT ? Double.NaN : stored / scale;
    }
}
