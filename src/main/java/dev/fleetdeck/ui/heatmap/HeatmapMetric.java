package dev.fleetdeck.ui.heatmap;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.Units;

/**
 * What a heatmap cell's colour shows. Continuous metrics map {@code [min, max]} onto a palette; health and
 * idle-while-rented are categories.
 */
public enum HeatmapMetric {
    UTILIZATION("Utilisation", 0, 100),
    TEMPERATURE("Temperature", 20, 95),
    POWER("Power", 0, 1000),
    MEMORY("Memory used", 0, 100),
    HEALTH("Health", 0, 0),
    IDLE_RENTED("Idle while rented", 0, 0);

    /** Utilisation under which a rented GPU counts as idle, %. */
    public static final double IDLE_BELOW_PCT = 5;

    private final String label;
    private final double min;
    private final double max;

    HeatmapMetric(String label, double min, double max) {
        this.label = label;
        this.min = min;
        this.max = max;
    }

    public String label() {
        return label;
    }

    public boolean isCategorical() {
        return this == HEALTH || this == IDLE_RENTED;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The raw value of a continuous metric (NaN when absent). */
    public double value(Gpu gpu) {
        return switch (this) {
            case UTILIZATION -> gpu.utilizationPct();
            case TEMPERATURE -> gpu.temperatureC();
            case POWER -> gpu.powerW();
            case MEMORY -> gpu.memoryUsedPct();
            default -> Double.NaN;
        };
    }

    /** The value as text with its unit, as the tooltip shows it. */
    public String text(Node node, Gpu gpu) {
        return switch (this) {
            case UTILIZATION -> Units.percent(gpu.utilizationPct(), 0);
            case TEMPERATURE -> Units.celsius(gpu.temperatureC());
            case POWER -> Units.watts(gpu.powerW());
            case MEMORY -> Units.percent(gpu.memoryUsedPct(), 0);
            case HEALTH -> gpu.health().label() + (gpu.healthReasons().isEmpty() ? ""
                    : " · " + gpu.healthReasons().getFirst().message());
            case IDLE_RENTED -> switch (idleCategory(node, gpu)) {
                case 2 -> "idle while rented (" + Units.percent(gpu.utilizationPct(), 0) + ")";
                case 1 -> "rented, busy (" + Units.percent(gpu.utilizationPct(), 0) + ")";
                default -> "not rented";
            };
        };
    }

    /** The legend's end labels for a continuous metric. */
    public String minText() {
        return unitText(min);
    }

    public String maxText() {
        return unitText(max);
    }

    private String unitText(double v) {
        return switch (this) {
            case TEMPERATURE -> Units.celsius(v);
            case POWER -> Units.watts(v);
            default -> Units.percent(v, 0);
        };
    }

    /** 0 not rented, 1 rented and busy, 2 rented and idle (utilisation under {@link #IDLE_BELOW_PCT}). */
    static int idleCategory(Node node, Gpu gpu) {
        if (node.state() != NodeState.RENTED) {
            return 0;
        }
        double u = gpu.utilizationPct();
        return !Double.isNaN(u) && u < IDLE_BELOW_PCT ? 2 : 1;
    }
}
