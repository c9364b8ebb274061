package dev.fleetdeck.ui;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.ProviderState;
import javafx.scene.paint.Color;

/**
 * Colours for TilesFX tiles, which take {@link Color} objects rather than CSS. They mirror the looked-up colours
 * in {@code styles/fleetdeck-dark.css}; a test keeps both in step.
 */
public final class Palette {
    public static final Color BACKGROUND = Color.web("#0e1116");
    public static final Color SURFACE = Color.web("#171c24");
    public static final Color TEXT = Color.web("#e6edf3");
    public static final Color TEXT_MUTED = Color.web("#8b98a9");
    public static final Color ACCENT = Color.web("#58a6ff");

    public static final Color HEALTH_OK = Color.web("#3fb950");
    public static final Color HEALTH_WARN = Color.web("#e3b341");
    public static final Color HEALTH_CRIT = Color.web("#f85149");
    public static final Color HEALTH_UNKNOWN = Color.web("#8b98a9");

    private Palette() {
    }

    /** The colour of a health value. */
    public static Color of(Health health) {
        return switch (health) {
            case OK -> HEALTH_OK;
            case WARN -> HEALTH_WARN;
            case CRIT -> HEALTH_CRIT;
            case UNKNOWN -> HEALTH_UNKNOWN;
        };
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
