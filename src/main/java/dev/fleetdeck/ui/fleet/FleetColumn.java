package dev.fleetdeck.ui.fleet;

import java.util.Comparator;

/** The fleet table's columns, each with the order it sorts by (absent numbers last in both directions). */
public enum FleetColumn {
    NODE("Node", Comparator.comparing((FleetRow r) -> r.node().hostname())),
    PROVIDER("Provider", Comparator.comparing((FleetRow r) -> r.node().provider())),
    REGION("Region", Comparator.comparing((FleetRow r) -> r.node().region())),
    MODEL("Model", Comparator.comparing((FleetRow r) -> r.node().gpuModel())),
    GPUS("GPUs", Comparator.comparingInt((FleetRow r) -> r.node().gpuCount())),
    STATE("State", Comparator.comparing((FleetRow r) -> r.node().state())),
    TENANT("Tenant", Comparator.comparing((FleetRow r) -> r.node().tenant().orElse(""))),
    UTILIZATION("Util", null),
    MEMORY("Memory", null),
    TEMPERATURE("Temp", null),
    POWER("Power", null),
    HEALTH("Health", Comparator.comparing(FleetRow::health)),
    AGE("Data age", Comparator.comparingLong(FleetRow::ageMs));

    private final String title;
    private final Comparator<FleetRow> order;

    FleetColumn(String title, Comparator<FleetRow> order) {
        this.title = title;
        this.order = order;
    }

    public String title() {
        return title;
    }

    /** The row order for this column, ascending or descending; NaN sorts last either way. */
    public Comparator<FleetRow> comparator(boolean ascending) {
        if (order == null) {
            return (a, b) -> compareNumbers(value(a), value(b), ascending);
        }
        return ascending ? order : order.reversed();
    }

    private double value(FleetRow r) {
        return switch (this) {
            case UTILIZATION -> r.util();
            case MEMORY -> r.memoryPct();
            case TEMPERATURE -> r.tempC();
            case POWER -> r.powerW();
            default -> throw new IllegalStateException(name());
        };
    }

    private static int compareNumbers(double a, double b, boolean ascending) {
        boolean na = Double.isNaN(a);
        boolean nb = Double.isNaN(b);
        if (na || nb) {
            return na == nb ? 0 : na ? 1 : -1;
        }
        return ascending ? Double.compare(a, b) : Double.compare(b, a);
    }
}
