package dev.fleetdeck.ui.overview;

import dev.fleetdeck.ui.theme.Palette;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A line of the last {@code capacity} values on one Canvas, scaled to their own minimum and maximum: no
 * animation, no symbols, one stroke. Values are kept in a fixed ring of primitives. FX thread only.
 */
final class Sparkline extends Region {
    private final Canvas canvas = new Canvas();
    private final double[] values;
    private final long[] times;
    private int count;
    private int head;
    private Color stroke = Palette.theme().accent();

    Sparkline(int capacity) {
        values = new double[capacity];
        times = new long[capacity];
        getChildren().add(canvas);
        getStyleClass().add("sparkline");
        setMinHeight(24);
        setPrefHeight(80);
    }

    /** Appends a value taken at {@code epochMillis}; absent (NaN) values are skipped. */
    void add(double value, long epochMillis) {
        if (Double.isNaN(value)) {
            return;
        }
        values[head] = value;
        times[head] = epochMillis;
        head = (head + 1) % values.length;
        count = Math.min(count + 1, values.length);
        draw();
    }

    /** Replaces everything held with the newest values of a series (absent values skipped). */
    void setAll(long[] epochMillis, double[] series) {
        count = 0;
        head = 0;
        int start = 0;
        int present = 0;
        for (int i = series.length - 1; i >= 0 && present < values.length; i--) {
            if (!Double.isNaN(series[i])) {
                present++;
                start = i;
            }
        }
        for (int i = start; i < series.length; i++) {
            if (!Double.isNaN(series[i])) {
                values[head] = series[i];
                times[head] = epochMillis[i];
                head = (head + 1) % values.length;
                count = Math.min(count + 1, values.length);
            }
        }
        draw();
    }

    /** Milliseconds between the oldest and the newest value held. */
    long spanMillis() {
        if (count < 2) {
            return 0;
        }
        int start = (head - count + values.length) % values.length;
        int last = (head - 1 + values.length) % values.length;
        return times[last] - times[start];
    }

    /** Number of values held. */
    int size() {
        return count;
    }

    void setStroke(Color color) {
        stroke = color;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.floor(getWidth()));
        canvas.setHeight(Math.floor(getHeight()));
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (count < 2 || w < 4 || h < 4) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double v = at(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // Keep small wiggles small: show at least 2 % of the level as range.
        double span = Math.max(max - min, Math.abs(max) * 0.02 + 1e-9);
        double mid = (max + min) / 2;
        double lo = mid - span / 2;
        double pad = 3;
        double step = (w - 2 * pad) / (values.length - 1);
        double x0 = w - pad - (count - 1) * step;
        g.setStroke(stroke);
        g.setLineWidth(2);
        g.beginPath();
        for (int i = 0; i < count; i++) {
            double x = x0 + i * step;
            double y = h - pad - (at(i) - lo) / span * (h - 2 * pad);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }

    /** The i-th oldest value held. */
    private double at(int i) {
        int start = (head - count + values.length) % values.length;
        return values[(start + i) % values.length];
    }
}
