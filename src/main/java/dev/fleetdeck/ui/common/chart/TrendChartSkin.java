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

    private static final java.time.format.DateTimeFormatter HM = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
    private double hoverX = Double.NaN;

    TrendChartSkin(TrendChart chart) {
        super(chart);
        getChildren().add(canvas);
        chart.setOnChange(this::draw);
        canvas.setOnMouseMoved(e -> {
            hoverX = e.getX();
            draw();
        });
        canvas.setOnMouseExited(e -> {
            hoverX = Double.NaN;
            draw();
        });
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
        boolean axes = chart.valueText() != null;
        // The stylesheet's size (which follows the type scale), smaller only where the chart is too low for it.
        double font = Math.max(9, Math.min(chart.getFont().getSize() * 0.85, h / 7));
        String top = axes ? chart.valueText().apply(range[1]) : "";
        String bottom = axes ? chart.valueText().apply(range[0]) : "";
        double left = axes ? Math.max(textWidth(top, font), textWidth(bottom, font)) + 6 : 0;
        double below = axes ? font + 4 : 0;
        double pad = Math.max(3, (h - below) * 0.05);
        double plotLeft = left + pad;
        double plotRight = w - pad;
        double plotTop = pad;
        double plotBottom = h - below - pad;
        if (plotRight - plotLeft < 4 || plotBottom - plotTop < 4) {
            return;
        }
        // With a capacity, points sit right-aligned on its fixed spacing (a line grows from the right); without one,
        // the series spans the width.
        int slots = chart.capacity() == Integer.MAX_VALUE ? n : Math.max(n, chart.capacity());
        double step = (plotRight - plotLeft) / (slots - 1);
        double x0 = plotRight - (n - 1) * step;
        double[] v = d.values();
        if (axes) {
            drawAxes(g, chart, d, top, bottom, font, plotLeft, plotRight, plotTop, plotBottom, x0, step);
        }
        if (chart.marksZeroMinimums()) {
            g.setFill(chart.getMarkColor());
            double bar = Math.max(2, step);
            double[] m = d.minimums();
            for (int i = 0; i < n; i++) {
                if (m[i] == 0) {
                    g.fillRect(x0 + i * step - bar / 2, plotBottom - pad * 0.5, bar, pad * 1.5);
                }
            }
        }
        g.setStroke(chart.getLineColor());
        g.setLineWidth(Math.max(2, Math.min(w, h) / 60));
        ColumnPath path = new ColumnPath(g);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i])) {
                path.gap();
                continue;
            }
            path.to(x0 + i * step, plotBottom - (v[i] - lo) / span * (plotBottom - plotTop));
        }
        path.stroke();
        if (axes && !Double.isNaN(hoverX) && hoverX >= x0 && hoverX <= plotRight) {
            crosshair(g, chart, d, font, plotTop, plotBottom, plotLeft, plotRight, x0, step, lo, span);
        }
    }

    /** The scale's bottom and top on the left, three times along the bottom, faint lines at top and bottom. */
    private void drawAxes(GraphicsContext g, TrendChart chart, TrendData d, String top, String bottom, double font,
                          double plotLeft, double plotRight, double plotTop, double plotBottom, double x0,
                          double step) {
        javafx.scene.paint.Paint muted = chart.getAxisColor();
        g.setStroke(muted);
        g.setGlobalAlpha(0.35);
        g.setLineWidth(1);
        g.strokeLine(plotLeft, Math.round(plotTop) + 0.5, plotRight, Math.round(plotTop) + 0.5);
        g.strokeLine(plotLeft, Math.round(plotBottom) + 0.5, plotRight, Math.round(plotBottom) + 0.5);
        g.setGlobalAlpha(1);
        g.setFill(muted);
        g.setFont(javafx.scene.text.Font.font(font));
        g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        g.fillText(top, plotLeft - 4, plotTop - font * 0.4);
        g.setTextBaseline(javafx.geometry.VPos.BOTTOM);
        g.fillText(bottom, plotLeft - 4, plotBottom + font * 0.4);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        long[] t = d.times();
        int n = t.length;
        long first = t[0];
        long last = t[n - 1];
        if (last <= first) {
            return;
        }
        double firstX = x0;
        double lastX = x0 + (n - 1) * step;
        double labelW = textWidth("00:00", font);
        int labels = lastX - firstX > labelW * 4 ? 3 : 2;
        for (int k = 0; k < labels; k++) {
            double f = labels == 1 ? 1 : (double) k / (labels - 1);
            long at = first + Math.round((last - first) * f);
            double x = firstX + (lastX - firstX) * f;
            g.setTextAlign(k == 0 ? javafx.scene.text.TextAlignment.LEFT : k == labels - 1
                    ? javafx.scene.text.TextAlignment.RIGHT : javafx.scene.text.TextAlignment.CENTER);
            g.fillText(HM.format(java.time.Instant.ofEpochMilli(at).atZone(chart.zone())), x, plotBottom + 3);
        }
    }

    /** A vertical line at the point under the mouse, with its time and value. */
    private void crosshair(GraphicsContext g, TrendChart chart, TrendData d, double font, double plotTop,
                           double plotBottom, double plotLeft, double plotRight, double x0, double step, double lo,
                           double span) {
        int i = (int) Math.round((hoverX - x0) / step);
        if (i < 0 || i >= d.size() || Double.isNaN(d.values()[i])) {
            return;
        }
        double x = x0 + i * step;
        double value = d.values()[i];
        double y = plotBottom - (value - lo) / span * (plotBottom - plotTop);
        g.setStroke(chart.getAxisColor());
        g.setLineWidth(1);
        g.strokeLine(Math.round(x) + 0.5, plotTop, Math.round(x) + 0.5, plotBottom);
        g.setFill(chart.getLineColor());
        g.fillOval(x - 3, y - 3, 6, 6);
        String label = HM.format(java.time.Instant.ofEpochMilli(d.times()[i]).atZone(chart.zone())) + " · "
                + chart.valueText().apply(value);
        g.setFont(javafx.scene.text.Font.font(font));
        boolean leftSide = x > (plotLeft + plotRight) / 2;
        g.setTextAlign(leftSide ? javafx.scene.text.TextAlignment.RIGHT : javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        g.setFill(chart.getAxisColor());
        g.fillText(label, leftSide ? x - 6 : x + 6, plotTop);
    }

    private static double textWidth(String text, double font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(javafx.scene.text.Font.font(font));
        return t.getLayoutBounds().getWidth();
    }
}
