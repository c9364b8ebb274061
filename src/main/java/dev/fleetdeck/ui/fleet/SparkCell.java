package dev.fleetdeck.ui.fleet;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.ui.theme.Palette;
import dev.fleetdeck.ui.theme.Theme;
import javafx.beans.value.ObservableValue;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * One row's sparklines on one canvas: a small chart per GPU, its utilisation as a filled area (0–100 %, accent
 * colour) and its temperature as a line (20–100 °C) in the colour of the GPU's health, so a hot or failing GPU reads
 * at a glance in a row of eight. Gaps in the data stay gaps. Unmanaged, like the table's text cells, so drawing does
 * not lay the row out again. FX thread.
 */
final class SparkCell extends TableCell<FleetTableView.Slot, FleetRow> {
    static final double TEMP_MIN = 20;
    static final double TEMP_MAX = 100;

    private final Canvas canvas = new Canvas();
    private final ObservableValue<Sparks> sparks;
    private String drawnKey;
    private Sparks drawnFrom;
    /** Held here, registered weakly: a cell the table drops is not kept alive by the shared sparks property. */
    private final javafx.beans.InvalidationListener onSparks = obs -> redraw(false);

    SparkCell(ObservableValue<Sparks> sparks) {
        this.sparks = sparks;
        setManaged(false);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        getStyleClass().add("spark-cell");
        sparks.addListener(new javafx.beans.WeakInvalidationListener(onSparks));
    }

    @Override
    protected void updateItem(FleetRow row, boolean empty) {
        super.updateItem(row, empty);
        setGraphic(empty || row == null ? null : canvas);
        // The same row again (a new snapshot) waits for its new data; another row draws what there is for it now.
        redraw(false);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(0, Math.floor(getWidth() - snappedLeftInset() - snappedRightInset()));
        double h = Math.max(0, Math.floor(getHeight() * 0.78));
        boolean resized = w != canvas.getWidth() || h != canvas.getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        super.layoutChildren();
        if (resized) {
            redraw(true);
        }
    }

    private void redraw(boolean force) {
        FleetRow row = isEmpty() ? null : getItem();
        String key = row == null ? null : row.key();
        Sparks s = sparks.getValue();
        if (!force && java.util.Objects.equals(key, drawnKey) && s == drawnFrom) {
            return;
        }
        drawnKey = key;
        drawnFrom = s;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Sparks.Row data = row == null ? null : s.rows().get(key);
        if (data == null || w < 4 || h < 4) {
            return;
        }
        draw(g, data, gpus(row), w, h, Palette.theme());
    }

    private static List<Gpu> gpus(FleetRow row) {
        return row.isGpu() ? List.of(row.gpu()) : row.node().gpus();
    }

    static void draw(GraphicsContext g, Sparks.Row data, List<Gpu> gpus, double w, double h, Theme theme) {
        int n = data.gpus();
        if (n == 0) {
            return;
        }
        double gap = n > 16 ? 1 : 3;
        double bw = (w - gap * (n - 1)) / n;
        if (bw < 2) {
            return;
        }
        Color track = trackColor(theme);
        Color area = areaColor(theme);
        for (int i = 0; i < n; i++) {
            double x0 = i * (bw + gap);
            g.setFill(track);
            g.fillRect(x0, 0, bw, h);
            g.setFill(area);
            area(g, data.util()[i], x0, bw, h, 0, 100);
            Health health = i < gpus.size() ? gpus.get(i).health() : Health.UNKNOWN;
            g.setStroke(Palette.of(health));
            g.setLineWidth(Math.max(1.5, h / 10));
            line(g, data.temp()[i], x0, bw, h, TEMP_MIN, TEMP_MAX);
        }
    }

    /** Each GPU's box: a faint wash of the muted text colour (the border colour is white in high contrast). */
    static Color trackColor(Theme theme) {
        return theme.textMuted().deriveColor(0, 1, 1, 0.18);
    }

    /** Utilisation: the accent, a little deeper, opaque, so the temperature line over it reads in every theme. */
    static Color areaColor(Theme theme) {
        return theme.accent().deriveColor(0, 0.85, 0.75, 1);
    }

    /** Vertical bars from the bottom, one per bucket (an area that keeps its gaps). */
    private static void area(GraphicsContext g, float[] v, double x0, double bw, double h, double lo, double hi) {
        double step = bw / v.length;
        for (int k = 0; k < v.length; k++) {
            if (Float.isFinite(v[k])) {
                double y = y(v[k], h, lo, hi);
                g.fillRect(x0 + k * step, y, Math.max(step, 1), h - y);
            }
        }
    }

    /** A polyline through the buckets, broken where one is empty. */
    private static void line(GraphicsContext g, float[] v, double x0, double bw, double h, double lo, double hi) {
        double step = bw / v.length;
        boolean open = false;
        for (int k = 0; k < v.length; k++) {
            if (!Float.isFinite(v[k])) {
                if (open) {
                    g.stroke();
                }
                open = false;
                continue;
            }
            double x = x0 + (k + 0.5) * step;
            double y = y(v[k], h, lo, hi);
            if (!open) {
                g.beginPath();
                g.moveTo(x, y);
                open = true;
            } else {
                g.lineTo(x, y);
            }
        }
        if (open) {
            g.stroke();
        }
    }

    private static double y(double v, double h, double lo, double hi) {
        double f = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
        return h - f * (h - 1);
    }
}
