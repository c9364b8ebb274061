package dev.fleetdeck.ui.common;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.layout.Region;

import java.util.Locale;

/**
 * One type scale for a whole window: every font size in the stylesheets is in {@code em} of the window's base size,
 * which is {@value #BASE_PX} px times {@link #scale()}. The scale follows the window (1 up to 1920 × 1080 logical
 * pixels, then with the smaller of width / 1920 and height / 1080, so a 3840 × 2160 wall screen reads twice as
 * large; a HiDPI screen's own scale is already in JavaFX's logical pixels) times the user's zoom (Ctrl + / Ctrl −,
 * {@value #MIN_ZOOM}–{@value #MAX_ZOOM}). FX thread only.
 */
public final class TypeScale {
    /** The base font size at scale 1, in pixels. */
    public static final double BASE_PX = 14;
    public static final double MIN_ZOOM = 0.8;
    public static final double MAX_ZOOM = 2.0;
    /** One zoom step (the rounding of {@link #clampZoom} matches it). */
    private static final double STEP = 0.1;
    private static final double MAX_WINDOW_FACTOR = 3;

    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(1);
    private double windowFactor = 1;
    private Region root;

    /** A scale at zoom 1 that follows nothing until {@link #attach}. */
    public TypeScale() {
        zoom.addListener((obs, old, z) -> update());
    }

    /** How much larger than at 1920 × 1080 a window of this size sets its type (never below 1). */
    public static double windowFactor(double width, double height) {
        if (!(width > 0) || !(height > 0)) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_WINDOW_FACTOR, Math.min(width / 1920, height / 1080)));
    }

    /** A zoom rounded to a step and kept in range (a saved or typed value). */
    public static double clampZoom(double z) {
        if (!Double.isFinite(z)) {
            return 1;
        }
        return Math.round(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)) * 10) / 10.0;
    }

    /** Makes {@code region} the window's type root: its font size follows its size and the zoom. */
    public void attach(Region region) {
        root = region;
        region.widthProperty().addListener((obs, old, w) -> resized());
        region.heightProperty().addListener((obs, old, h) -> resized());
        resized();
    }

    private void resized() {
        windowFactor = windowFactor(root.getWidth(), root.getHeight());
        update();
    }

    private void update() {
        double next = windowFactor * zoom.get();
        if (Math.abs(next - scale.get()) > 1e-9) {
            scale.set(next);
            if (root != null) {
                ScaledWidths.apply(root, next);
            }
        }
        if (root != null) {
            String style = String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_PX * scale.get());
            if (!style.equals(root.getStyle())) {
                root.setStyle(style);
            }
        }
    }

    /** Scales the code-set widths under a node just put on screen (a view shown after the scale changed). */
    public void fit(javafx.scene.Node shown) {
        ScaledWidths.apply(shown, scale.get());
    }

    /** The window's factor times the zoom; every size in em follows it. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public double scale() {
        return scale.get();
    }

    /** The base font size now, in pixels. */
    public double basePx() {
        return BASE_PX * scale.get();
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public double zoom() {
        return zoom.get();
    }

    public void setZoom(double z) {
        zoom.set(clampZoom(z));
    }

    /** Ctrl +: one step larger. */
    public void zoomIn() {
        setZoom(zoom.get() + STEP);
    }

    /** Ctrl −: one step smaller. */
    public void zoomOut() {
        setZoom(zoom.get() - STEP);
    }

    /** Ctrl 0: the window's own size again. */
    public void resetZoom() {
        setZoom(1);
    }
}
