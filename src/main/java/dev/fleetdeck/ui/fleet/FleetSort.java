package dev.fleetdeck.ui.fleet;

/**
 * The table's order: a column and direction, or {@link #NATURAL}, the default: the least healthy nodes first
 * (critical, then warning, unknown, healthy), then by name.
 */
public record FleetSort(FleetColumn column, boolean ascending) {
    public static final FleetSort NATURAL = new FleetSort(null, true);

    public boolean isNatural() {
        return column == null;
    }
}
