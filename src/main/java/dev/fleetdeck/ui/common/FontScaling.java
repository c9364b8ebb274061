package dev.fleetdeck.ui.common;

import javafx.scene.layout.Region;

import java.util.Locale;

/**
 * Scales a node's base font size (and so every {@code em} size below it) with the width of the tile it sits in, so
 * tables and values fit from a 1024-pixel window to a 4K wall screen without overlapping their neighbours; the
 * bounds follow the window's {@link TypeScale}, so a larger window or a zoom lets the text grow with the rest.
 */
public final class FontScaling {
    private FontScaling() {
    }

    /**
     * Sets {@code target}'s font size to {@code width / divisor}, clamped to [min, max] pixels at scale 1 (times the
     * scale), whenever {@code source} changes width or the scale changes.
     */
    public static void bind(Region target, Region source, double divisor, double min, double max, TypeScale scale) {
        Runnable apply = () -> apply(target, source.getWidth(), divisor, min * scale.scale(), max * scale.scale());
        source.widthProperty().addListener((obs, old, width) -> apply.run());
        scale.scaleProperty().addListener((obs, old, s) -> apply.run());
        apply.run();
    }

    private static void apply(Region target, double width, double divisor, double min, double max) {
        double px = width <= 0 ? max : Math.max(min, Math.min(max, width / divisor));
        String style = String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", px);
        if (!style.equals(target.getStyle())) {
            target.setStyle(style);
        }
    }
}
