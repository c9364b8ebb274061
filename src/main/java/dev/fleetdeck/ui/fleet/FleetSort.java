package dev.fleetdeck.ui.fleet;

/**
 * The table's order: a column and direction, or {@link #NATURAL} (providers in configuration order, nodes as each
 * reports them).
 */
public record FleetSort(FleetColumn column, boolean ascending) {
    public static final FleetSort NATURAL = new FleetSort(null, true);

    public boolean isNatural() {
        return column == null;
    }
}
