package dev.fleetdeck.ui.common;

import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.scene.layout.Region;

/**
 * Holds one figure (a value, or a value with its unit) at its natural size and scales it down as a whole when the
 * width it is given is less, so a figure with more digits than usual ("1,000.4 kW", "$12,345.67/h") is drawn smaller
 * instead of ending in "…" or running past its tile. It never scales up: the stylesheet's size is the largest.
 * Its minimum width is zero, its height follows the scale. FX thread.
 */
public final class ShrinkToFit extends Region {
    private final Region figure;
    private final HPos alignment;

    /** @param alignment where the shrunk figure sits: {@code LEFT}, {@code CENTER} or {@code RIGHT} */
    public ShrinkToFit(Region figure, HPos alignment) {
        this.figure = figure;
        this.alignment = alignment;
        getChildren().add(figure);
        getStyleClass().add("shrink-to-fit");
    }

    /** The scale the figure is drawn at for a given width (1 when it fits). */
    public double scaleFor(double width) {
        double natural = figure.prefWidth(-1);
        double room = width - snappedLeftInset() - snappedRightInset();
        return width < 0 || natural <= 0 || room >= natural ? 1 : Math.max(0.05, room / natural);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + figure.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double natural = figure.prefHeight(figure.prefWidth(-1));
        return snappedTopInset() + Math.ceil(natural * scaleFor(width)) + snappedBottomInset();
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = figure.prefWidth(-1);
        double h = figure.prefHeight(w);
        double s = scaleFor(getWidth());
        figure.resize(w, h);
        figure.setScaleX(s);
        figure.setScaleY(s);
        // Scaling pivots on the figure's centre: place the scaled box at the left, centre or right of the room.
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        double drawn = w * s;
        double left = switch (alignment) {
            case LEFT -> 0;
            case CENTER -> (room - drawn) / 2;
            case RIGHT -> room - drawn;
        };
        figure.relocate(snappedLeftInset() + left - (w - drawn) / 2, snappedTopInset() - (h - h * s) / 2);
    }
}
