package dev.fleetdeck.model;

import java.util.Locale;

/** What an alert rule measures over a group of nodes. */
public enum AlertMetric {
    /** Hottest GPU, °C. */
    GPU_TEMPERATURE("hottest GPU", "°C"),
    /** Hottest GPU memory, °C. */
    MEMORY_TEMPERATURE("hottest GPU memory", "°C"),
    /** Mean utilisation of GPUs that report it, %. */
    UTILIZATION("mean utilisation", "%"),
    /** GPUs whose health is CRIT. */
    CRITICAL_GPUS("critical GPUs", "GPUs"),
    /** GPUs whose health is WARN or CRIT. */
    UNHEALTHY_GPUS("unhealthy GPUs", "GPUs"),
    /** Free and healthy GPUs. */
    SELLABLE_GPUS("sellable GPUs", "GPUs"),
    /** Rented GPUs idle for the idle duration. */
    IDLE_RENTED_GPUS("idle rented GPUs", "GPUs"),
    /** What idle rented GPUs cost per hour, USD. */
    IDLE_COST("idle cost", "$/h"),
    /** Providers that are down, refuse our credentials or are misconfigured. */
    PROVIDERS_DOWN("providers down", "providers"),
    /** GPUs (and nodes) carrying a health reason whose code starts with the rule's {@code reason}. */
    REASON("GPUs with a reason", "GPUs");

    private final String label;
    private final String unit;

    AlertMetric(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    /** The config spelling: {@code gpu-temperature}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A value with its unit: "91 °C", "$12.40/h", "3 GPUs". */
    public String format(double v) {
        if (Double.isNaN(v)) {
            return Units.ABSENT;
        }
        return switch (this) {
            case GPU_TEMPERATURE, MEMORY_TEMPERATURE -> Units.celsius(v);
            case UTILIZATION -> Units.percent(v, 0);
            case IDLE_COST -> Units.costPerHour(v);
            default -> Units.count(Math.round(v)) + " " + (Math.round(v) == 1 && unit.endsWith("s")
                    ? unit.substring(0, unit.length() - 1) : unit);
        };
    }
}
