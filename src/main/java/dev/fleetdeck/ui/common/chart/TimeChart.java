package dev.fleetdeck.ui.common.chart;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.ui.theme.Palette;
import dev.fleetdeck.ui.theme.Theme;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Several series against real time on one canvas: clock times along the bottom, the value axis with its unit on the
 * left, a legend on the right, threshold lines (a model's limits) and event markers (an XID, a state change) in their
 * health colours, lines broken where samples are missing, at most two points per pixel column (each column's minimum
 * and maximum, so no spike disappears), and a crosshair that reads every line's value at the time under the mouse.
 * Its texts take the size of its title, which the stylesheet sets (and the type scale follows). FX thread.
 */
public final class TimeChart extends Region {
    /** One series: its name in the legend, samples oldest first (NaN: none), colour, opacity and width. */
    public record Line(String name, long[] epochMillis, double[] values, Color color, double opacity, double width) {
    }

    /** A horizontal limit: its value, its health colour and its label ("warn 85 °C"). */
    public record Threshold(double value, Health health, String label) {
    }

    /** An event at its time: its severity's colour, a short label and the whole message (shown on hover). */
    public record Marker(long epochMillis, Health health, String label, String message) {
    }

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private final Label title = new Label();
    private final Canvas canvas = new Canvas();
    private final DoubleFunction<String> valueText;
    private final ZoneId zone;
    private List<Line> lines = List.of();
    private List<Threshold> thresholds = List.of();
    private List<Marker> markers = List.of();
    private long start;
    private long end = 1;
    private long tickMillis = 60_000;
    private double lo;
    private double hi = 1;
    private double tick = 0.25;
    private long gapMillis = Long.MAX_VALUE;
    private double hoverX = Double.NaN;
    private String readout = "";
    private double weight = 1;
    private boolean legendVisible = true;
    private boolean dirty = true;
    private Theme fixedTheme;
    private long[] bottomMarks = new long[0];

    /**
     * @param valueText formats a value with its unit, for the axis and the crosshair ("84 °C")
     */
    public TimeChart(String titleText, DoubleFunction<String> valueText, ZoneId zone) {
        this.valueText = valueText;
        this.zone = zone;
        title.setText(titleText);
        title.getStyleClass().add("chart-title");
        getStyleClass().add("time-chart");
        getChildren().addAll(title, canvas);
        canvas.setOnMouseMoved(e -> {
            hoverX = e.getX();
            draw();
        });
        canvas.setOnMouseExited(e -> {
            hoverX = Double.NaN;
            draw();
        });
    }

    /** Whether the lines' names are listed on the right (a chart of one line, titled by its tile, needs none). */
    public void setLegendVisible(boolean visible) {
        legendVisible = visible;
        invalidate();
    }

    /** Draws in this theme whatever the window's (the showroom is always dark); null follows the window. */
    public void setTheme(Theme theme) {
        fixedTheme = theme;
        invalidate();
    }

    /** Short red bars along the bottom at these times (the showroom's stock-outs: minutes with nothing free). */
    public void setBottomMarks(long[] epochMillis) {
        bottomMarks = epochMillis.clone();
        invalidate();
    }

    /** The time span shown and the spacing of its labels. */
    public void setTimeRange(long startMillis, long endMillis, long tickEveryMillis) {
        start = startMillis;
        end = Math.max(startMillis + 1, endMillis);
        tickMillis = Math.max(1, tickEveryMillis);
        invalidate();
    }

    /** The value span shown and the spacing of its ticks. */
    public void setValueRange(double low, double high, double tickEvery) {
        lo = low;
        hi = high > low ? high : low + 1;
        tick = tickEvery > 0 ? tickEvery : (hi - lo) / 4;
        invalidate();
    }

    /** Samples further apart than this leave a gap in their line. */
    public void setGapMillis(long millis) {
        gapMillis = millis > 0 ? millis : Long.MAX_VALUE;
    }

    public void setLines(List<Line> next) {
        lines = List.copyOf(next);
        invalidate();
    }

    public void setThresholds(List<Threshold> next) {
        thresholds = List.copyOf(next);
        invalidate();
    }

    public void setMarkers(List<Marker> next) {
        markers = List.copyOf(next);
        invalidate();
    }

    /** The time span shown, ms. */
    public long spanMillis() {
        return end - start;
    }

    public List<Line> lines() {
        return lines;
    }

    public List<Threshold> thresholds() {
        return thresholds;
    }

    public List<Marker> markers() {
        return markers;
    }

    /**
     * Something to draw changed: drawn once, in the next layout pass, however many setters a frame calls. Only this
     * chart is marked (its size does not change), so its tile and view are not laid out again for it.
     */
    private void invalidate() {
        dirty = true;
        setNeedsLayout(true);
    }

    /** What the crosshair reads now: the time and each line's value there, or "" when the mouse is elsewhere. */
    public String readout() {
        return readout;
    }

    /** Puts the crosshair where the mouse would be ({@code x} in the chart's own coordinates), as hovering does. */
    public void hover(double x) {
        hoverX = x - canvas.getLayoutX();
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        // an empty title (the chart sits in a titled tile) takes no room, but still carries the font
        double th = title.getText().isEmpty() ? 0 : title.prefHeight(w);
        title.setVisible(th > 0);
        title.resizeRelocate(snappedLeftInset(), snappedTopInset(), w, th);
        canvas.relocate(snappedLeftInset(), snappedTopInset() + th);
        double cw = Math.max(0, Math.floor(w));
        double ch = Math.max(0, Math.floor(h - th));
        if (dirty || cw != canvas.getWidth() || ch != canvas.getHeight()) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            draw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 220;
    }

    private void draw() {
        dirty = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        readout = "";
        if (w < 40 || h < 30) {
            return;
        }
        Theme theme = fixedTheme != null ? fixedTheme : Palette.theme();
        double font = Math.max(9, title.getFont().getSize() * 0.85);
        // lines thicken with the type, so a 4K wall screen does not get hairlines
        weight = Math.max(1, font / 12);
        Font f = Font.font(title.getFont().getFamily(), font);
        g.setFont(f);
        double left = Math.max(width(valueText.apply(hi), f), width(valueText.apply(lo), f)) + 8;
        double legend = 0;
        for (Line l : legendVisible ? lines : List.<Line>of()) {
            legend = Math.max(legend, width(l.name(), f) + font * 1.6);
        }
        double plotL = left;
        double plotR = w - legend - 6;
        double plotT = font * 0.6;
        double plotB = h - font * 1.6;
        if (plotR - plotL < 20 || plotB - plotT < 20) {
            return;
        }
        axes(g, theme, font, plotL, plotR, plotT, plotB);
        if (legendVisible) {
            legend(g, plotR + 8, plotT, font);
        }
        for (Threshold t : thresholds) {
            double y = y(t.value(), plotT, plotB);
            if (y >= plotT - 0.5 && y <= plotB + 0.5) {
                g.setStroke(theme.of(t.health()));
                g.setLineWidth(1.2 * weight);
                g.setLineDashes(6 * weight, 4 * weight);
                g.strokeLine(plotL, Math.round(y) + 0.5, plotR, Math.round(y) + 0.5);
                g.setLineDashes();
                g.setFill(theme.of(t.health()));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(y - plotT < font * 1.2 ? VPos.TOP : VPos.BOTTOM);
                g.fillText(t.label(), plotL + 4, y - plotT < font * 1.2 ? y + 2 : y - 2);
            }
        }
        if (bottomMarks.length > 0) {
            g.setFill(theme.of(Health.CRIT));
            double bar = Math.max(2, (plotR - plotL) / 400);
            for (long t : bottomMarks) {
                if (t >= start && t <= end) {
                    g.fillRect(x(t, plotL, plotR) - bar / 2, plotB - font * 0.5, bar, font * 0.5);
                }
            }
        }
        g.save();
        g.beginPath();
        g.rect(plotL, plotT - 2, plotR - plotL, plotB - plotT + 4);
        g.clip();
        for (Line l : lines) {
            line(g, l, plotL, plotR, plotT, plotB);
        }
        g.restore();
        int shown = 0;
        for (Marker m : markers) {
            if (m.epochMillis() < start || m.epochMillis() > end) {
                continue;
            }
            double x = Math.round(x(m.epochMillis(), plotL, plotR)) + 0.5;
            g.setStroke(theme.of(m.health()));
            g.setLineWidth(1.5 * weight);
            g.setLineDashes(2 * weight, 3 * weight);
            g.strokeLine(x, plotT, x, plotB);
            g.setLineDashes();
            if (shown < 6) {
                g.setFill(theme.of(m.health()));
                double tw = width(m.label(), f);
                boolean flip = x + 3 + tw > plotR;
                g.setTextAlign(flip ? TextAlignment.RIGHT : TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                g.fillText(m.label(), flip ? x - 3 : x + 3, plotT + 2 + (font + 2) * (shown % 3));
            }
            shown++;
        }
        if (!Double.isNaN(hoverX) && hoverX >= plotL && hoverX <= plotR) {
            crosshair(g, theme, f, font, plotL, plotR, plotT, plotB);
        }
    }

    private void axes(GraphicsContext g, Theme theme, double font, double plotL, double plotR, double plotT,
                      double plotB) {
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        int ticks = (int) Math.min(50, Math.floor((hi - lo) / tick + 1e-9));
        // in a low chart, every second (or third) value is labelled, so labels never touch
        double spacing = ticks == 0 ? plotB - plotT : (plotB - plotT) / ticks;
        int every = (int) Math.ceil(font * 1.4 / Math.max(1, spacing));
        for (int i = 0; i <= ticks; i++) {
            double v = lo + i * tick;
            double y = Math.round(y(v, plotT, plotB)) + 0.5;
            g.setStroke(theme.border());
            g.strokeLine(plotL, y, plotR, y);
            if (i % every == 0) {
                g.setFill(theme.textMuted());
                g.fillText(valueText.apply(v), plotL - 4, y);
            }
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        long first = (start + tickMillis - 1) / tickMillis * tickMillis;
        double lastRight = Double.NEGATIVE_INFINITY;
        for (long t = first; t <= end; t += tickMillis) {
            double x = Math.round(x(t, plotL, plotR)) + 0.5;
            g.setStroke(theme.border());
            g.strokeLine(x, plotT, x, plotB);
            String label = HH_MM.format(Instant.ofEpochMilli(t).atZone(zone));
            double half = width(label, g.getFont()) / 2;
            // kept inside the plot's width, so the first time does not run under the value axis' bottom label
            double at = Math.max(plotL + half, Math.min(plotR - half, x));
            if (at - half > lastRight + 4) {
                g.setFill(theme.textMuted());
                g.fillText(label, at, plotB + 3);
                lastRight = at + half;
            }
        }
    }

    private void legend(GraphicsContext g, double x, double top, double font) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            double y = top + font * 0.7 + i * (font + 4);
            g.setGlobalAlpha(Math.max(0.35, l.opacity()));
            g.setFill(l.color());
            g.fillOval(x, y - font * 0.3, font * 0.6, font * 0.6);
            g.setFill(Palette.theme().textMuted());
            g.fillText(l.name(), x + font, y);
            g.setGlobalAlpha(1);
        }
    }

    private void line(GraphicsContext g, Line l, double plotL, double plotR, double plotT, double plotB) {
        long[] t = l.epochMillis();
        double[] v = l.values();
        g.setStroke(l.color());
        g.setGlobalAlpha(l.opacity());
        g.setLineWidth(l.width() * weight);
        ColumnPath path = new ColumnPath(g);
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(v[i]) || t[i] < start - gapMillis || t[i] > end) {
                path.gap();
                continue;
            }
            if (previous != Long.MIN_VALUE && t[i] - previous > gapMillis) {
                path.gap();
            }
            previous = t[i];
            path.to(x(t[i], plotL, plotR), y(v[i], plotT, plotB));
        }
        path.stroke();
        g.setGlobalAlpha(1);
    }

    private void crosshair(GraphicsContext g, Theme theme, Font f, double font, double plotL, double plotR,
                           double plotT, double plotB) {
        long at = start + Math.round((hoverX - plotL) / (plotR - plotL) * (end - start));
        List<String> parts = new ArrayList<>();
        for (Line l : lines) {
            double value = valueAt(l, at);
            if (Double.isFinite(value)) {
                parts.add(l.name() + " " + valueText.apply(value));
            }
        }
        readout = HH_MM.format(Instant.ofEpochMilli(at).atZone(zone)) + (parts.isEmpty() ? " · no data"
                : " · " + String.join(" · ", parts));
        double x = Math.round(hoverX) + 0.5;
        g.setStroke(theme.textMuted());
        g.setLineWidth(1);
        g.strokeLine(x, plotT, x, plotB);
        List<String> rows = new ArrayList<>();
        rows.add(HH_MM.format(Instant.ofEpochMilli(at).atZone(zone)));
        rows.addAll(parts.size() > 8 ? parts.subList(0, 8) : parts);
        double boxW = 0;
        for (String r : rows) {
            boxW = Math.max(boxW, width(r, f));
        }
        boxW += 12;
        double boxH = rows.size() * (font + 3) + 8;
        double bx = x + boxW + 8 > plotR ? x - boxW - 8 : x + 8;
        g.setFill(theme.surface().deriveColor(0, 1, 1, 0.92));
        g.fillRect(bx, plotT, boxW, boxH);
        g.setStroke(theme.border());
        g.strokeRect(Math.round(bx) + 0.5, Math.round(plotT) + 0.5, boxW, boxH);
        g.setFill(theme.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < rows.size(); i++) {
            g.fillText(rows.get(i), bx + 6, plotT + 4 + i * (font + 3));
        }
    }

    /** The line's sample nearest to {@code at} within the gap distance, or NaN. */
    private double valueAt(Line l, long at) {
        long[] t = l.epochMillis();
        int best = -1;
        long bestD = Long.MAX_VALUE;
        for (int i = 0; i < t.length; i++) {
            long d = Math.abs(t[i] - at);
            if (d < bestD && Double.isFinite(l.values()[i])) {
                bestD = d;
                best = i;
            }
        }
        return best >= 0 && bestD <= Math.min(gapMillis, end - start) ? l.values()[best] : Double.NaN;
    }

    private double x(long t, double plotL, double plotR) {
        return plotL + (double) (t - start) / (end - start) * (plotR - plotL);
    }

    private double y(double v, double plotT, double plotB) {
        return plotB - (v - lo) / (hi - lo) * (plotB - plotT);
    }

    private static double width(String text, Font f) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }
}
