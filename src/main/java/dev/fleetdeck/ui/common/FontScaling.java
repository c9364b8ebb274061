package dev.fleetdeck.ui.common;

import javafx.scene.layout.Region;

import java.util.Locale;

/**
 * Scales a node's base font size (and so every {@code em} size below it) with the width of the tile it sits in, so
 * tables and values fit from a 1024-pixel window to a 4K wall screen without overlapping their neighbours.
 */
public final class FontScaling {
    private FontScaling() {
    }

    /**
     * Sets {@code target}'s font size to {@code width / divisor}, clamped to [min, max] pixels, whenever
     * {@code source} changes width.
     */
    public static void bind(Region target, Region source, double divisor, double min, double max) {
        source.widthProperty().addListener((obs, old, width) -> apply(target, width.doubleValue(), divisor, min, max));
        apply(target, source.getWidth(), divisor, min, max);
    }

    private static void apply(Region target, double width, double divisor, double min, double max) {
        double px = width <= 0 ? max : Math.max(min, Math.min(max, width / divisor));
        target.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", px));
    }
}
