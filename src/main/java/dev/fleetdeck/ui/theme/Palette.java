package dev.fleetdeck.ui.theme;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.ProviderState;
import javafx.scene.paint.Color;

/**
 * Colours for TilesFX tiles, which take {@link Color} objects rather than CSS. The constants mirror the looked-up
 * colours of {@code styles/fleetdeck-dark.css}; {@link #theme()} gives the colours of the theme in use (see
 * {@link Theme}). Tests keep both in step with the stylesheets.
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

    /** The theme the views draw with now; FX thread only. The constants above are the dark theme's. */
    private static Theme current = Theme.DARK;

    private Palette() {
    }

    /** The theme in use (FX thread). */
    public static Theme theme() {
        return current;
    }

    /** Switches the colours that Java code uses (tiles, canvases); the caller swaps the stylesheets. FX thread. */
    public static void use(Theme theme) {
        current = theme;
    }

    /** The colour of a health value in the current theme. */
    public static Color of(Health health) {
        return current.of(health);
    }

    /** The CSS class of a health value (see the stylesheet). */
    public static String styleClass(Health health) {
        return HealthSymbols.styleClass(health);
    }

    /** How a provider state reads in the health colour language. */
    public static Health healthOf(ProviderState state) {
        return HealthSymbols.healthOf(state);
    }

    /** A symbol that carries the health value without colour. */
    public static String symbol(Health health) {
        return HealthSymbols.symbol(health);
    }
}
