package dev.fleetdeck.model;

import java.util.Locale;

/** Health of a GPU or node, ordered from best to worst; {@link #worst} combines them. */
public enum Health {
    OK, UNKNOWN, WARN, CRIT;

    /** The worse of two health values (CRIT over WARN over UNKNOWN over OK). */
    public static Health worst(Health a, Health b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** Whether capacity in this state may be sold: only OK counts as healthy. */
    public boolean isHealthy() {
        return this == OK;
    }

    /** Lower-case label for display and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
