package dev.fleetdeck.ui.theme;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.ProviderState;

/**
 * The health colour language without colours: the symbol that carries a health value for people who cannot tell the
 * colours apart, the CSS class that colours it, and how a provider state maps onto it. No JavaFX here, so view models
 * use it too.
 */
public final class HealthSymbols {
    private HealthSymbols() {
    }

    /** The CSS class of a health value (see the stylesheet). */
    public static String styleClass(Health health) {
        return "health-" + health.label();
    }

    /** How a provider state reads in the health colour language. */
    public static Health healthOf(ProviderState state) {
        return switch (state) {
            case OK -> Health.OK;
            case DEGRADED, STALE -> Health.WARN;
            case DOWN, AUTH_ERROR, CONFIG_ERROR -> Health.CRIT;
            case STARTING -> Health.UNKNOWN;
        };
    }

    /** A symbol that carries the health value without colour. */
    public static String symbol(Health health) {
        return switch (health) {
            case OK -> "●";
            case WARN -> "▲";
            case CRIT -> "✖";
            case UNKNOWN -> "?";
        };
    }
}
