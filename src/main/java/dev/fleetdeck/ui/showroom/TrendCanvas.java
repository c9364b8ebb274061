package dev.fleetdeck.ui.showroom;

import dev.fleetdeck.service.history.Series;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A calm line of a series on one Canvas (no animation, no symbols), from zero to its maximum, with stock-outs —
 * times when the bucket's minimum touched zero — marked as red bars under the line. Gaps (no data) stay gaps.
 */
final class TrendCanvas extends Region {
    private final Canvas canvas = new Canvas();
    private Series series;
    private Color stroke = Color.web("#58a6ff");
    private final boolean markStockOuts;
    private final double fixedMax;

    /**
     * @param markStockOuts whether to mark buckets whose minimum touched zero
     * @param fixedMax      the top of the scale (100 for a percentage), or NaN to use the series' maximum
     */
    TrendCanvas(boolean markStockOuts, double fixedMax) {
        this.markStockOuts = markStockOuts;
        this.fixedMax = fixedMax;
        getChildren().add(canvas);
        getStyleClass().add("sr-trend");
        setMinHeight(20);
    }

    void setSeries(Series s, Color color) {
        series = s;
        stroke = color;
        draw();
    }

    /** Buckets where the minimum reached zero (for tests). */
    int stockOuts() {
        if (series == null) {
            return 0;
        }
        int n = 0;
        for (double v : series.min()) {
            n += v == 0 ? 1 : 0;
        }
        return n;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (series == null || series.size() < 2 || w <= 0 || h <= 0) {
            return;
        }
        double[] v = series.values();
        double max = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                max = Math.max(max, x);
            }
        }
        max = !Double.isNaN(fixedMax) ? fixedMax : max <= 0 ? 1 : max * 1.1;
        int n = v.length;
        double pad = Math.max(2, h * 0.06);
        if (markStockOuts) {
            g.setFill(Color.web("#f85149"));
            double bar = Math.max(2, w / n);
            for (int i = 0; i < n; i++) {
                if (series.min()[i] == 0) {
                    g.fillRect(i * w / (n - 1) - bar / 2, h - pad * 1.5, bar, pad * 1.5);
                }
            }
        }
        g.setStroke(stroke);
        g.setLineWidth(Math.max(2, Math.min(w, h) / 60));
        boolean drawing = false;
        g.beginPath();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i])) {
                drawing = false;
                continue;
            }
            double x = i * w / (n - 1);
            double y = h - pad * 2 - (h - pad * 3) * v[i] / max;
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
        }
        g.stroke();
    }
}
