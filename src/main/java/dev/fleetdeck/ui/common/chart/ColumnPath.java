package dev.fleetdeck.ui.common.chart;

import javafx.scene.canvas.GraphicsContext;

/**
 * A polyline with at most two points per pixel column: within a column only a new minimum or maximum adds a point,
 * so 100,000 samples in 400 pixels cost about 800 points and no spike disappears. Broken where {@link #gap()} is
 * called. FX thread (it draws on the canvas it is given).
 */
final class ColumnPath {
    private final GraphicsContext g;
    private boolean drawing;
    private int column = Integer.MIN_VALUE;
    private double colMin;
    private double colMax;

    ColumnPath(GraphicsContext g) {
        this.g = g;
        g.beginPath();
    }

    /** No line to the next point. */
    void gap() {
        drawing = false;
        column = Integer.MIN_VALUE;
    }

    void to(double x, double y) {
        int col = (int) x;
        if (drawing && col == column) {
            if (y < colMin || y > colMax) {
                colMin = Math.min(colMin, y);
                colMax = Math.max(colMax, y);
                g.lineTo(x, y);
            }
            return;
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

    void stroke() {
        g.stroke();
    }
}
