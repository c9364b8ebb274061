package dev.fleetdeck.ui.common.chart;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;

/**
 * Draws a {@link TrendChart} on one Canvas: the line (broken at gaps), downsampled to at most two points per pixel
 * column (each column's minimum and maximum, so no spike disappears), and under it bars where a minimum touched zero.
 */
final class TrendChartSkin extends SkinBase<TrendChart> {
    private final Canvas canvas = new Canvas();

    TrendChartSkin(TrendChart chart) {
        super(chart);
        getChildren().add(canvas);
        chart.setOnChange(this::draw);
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        canvas.relocate(x, y);
        canvas.setWidth(Math.floor(w));
        canvas.setHeight(Math.floor(h));
        draw();
    }

    @Override
    public void dispose() {
        getSkinnable().setOnChange(() -> { });
        super.dispose();
    }

    private void draw() {
        TrendChart chart = getSkinnable();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        TrendData d = chart.data();
        int n = d.size();
        if (n < 2 || w < 4 || h < 4) {
            return;
        }
        double[] range = d.range(chart.scale(), chart.fixedMax());
        double lo = range[0];
        double span = range[1] - range[0];
        double pad = Math.max(3, h * 0.05);
        // With a capacity, points sit right-aligned on its fixed spacing (a line grows from the right); without one,
        // the series spans the width.
        int slots = chart.capacity() == Integer.MAX_VALUE ? n : Math.max(n, chart.capacity());
        double step = (w - 2 * pad) / (slots - 1);
        double x0 = w - pad - (n - 1) * step;
        double[] v = d.values();
        if (chart.marksZeroMinimums()) {
            g.setFill(chart.getMarkColor());
            double bar = Math.max(2, step);
            double[] m = d.minimums();
            for (int i = 0; i < n; i++) {
                if (m[i] == 0) {
                    g.fillRect(x0 + i * step - bar / 2, h - pad * 1.5, bar, pad * 1.5);
                }
            }
        }
        g.setStroke(chart.getLineColor());
        g.setLineWidth(Math.max(2, Math.min(w, h) / 60));
        g.beginPath();
        boolean drawing = false;
        int column = Integer.MIN_VALUE;
        double colMin = 0;
        double colMax = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i])) {
                drawing = false;
                column = Integer.MIN_VALUE;
                continue;
            }
            double x = x0 + i * step;
            double y = h - pad - (v[i] - lo) / span * (h - 2 * pad);
            int col = (int) x;
            if (drawing && col == column) {
                // Same pixel column: extend its vertical extent instead of adding a point.
                if (y < colMin || y > colMax) {
                    colMin = Math.min(colMin, y);
                    colMax = Math.max(colMax, y);
                    g.lineTo(x, y);
                }
                continue;
            }
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
            column = col;
            colMin = y;
            colMax = y;
        }
        g.stroke();
    }
}
