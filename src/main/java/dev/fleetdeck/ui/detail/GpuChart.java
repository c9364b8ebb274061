package dev.fleetdeck.ui.detail;

import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.history.GpuMetric;
import dev.fleetdeck.service.history.Series;
import dev.fleetdeck.ui.common.chart.Ticks;
import dev.fleetdeck.ui.common.chart.TimeChart;
import javafx.scene.paint.Color;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One metric of every GPU of a node over a window, on the window's one chart control ({@link TimeChart}): a line per
 * GPU in its own colour, clock times along the bottom, the unit on the value axis, the model's limits and the node's
 * events drawn in, a crosshair reading every GPU's value, gaps where the history has none. FX thread only.
 */
final class GpuChart {
    /** Line colours by GPU index (cycled): categorical, none of them a health colour's red or green. */
    private static final Color[] COLORS = {Color.web("#56b4e9"), Color.web("#e69f00"), Color.web("#cc79a7"),
        Color.web("#9467bd"), Color.web("#0072b2"), Color.web("#f0e442"), Color.web("#17becf"), Color.web("#bcbcbc")};
    private final GpuMetric metric;
    private final TimeChart chart;
    private List<TimeChart.Line> lines = List.of();

    GpuChart(GpuMetric metric, ZoneId zone) {
        this.metric = metric;
        chart = new TimeChart(title(metric), this::format, zone);
        chart.getStyleClass().add("gpu-chart");
        chart.setId("chart-" + metric.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (percent()) {
            chart.setValueRange(0, 100, 25);
        }
    }

    private boolean percent() {
        return metric == GpuMetric.UTILIZATION_PCT || metric == GpuMetric.MEMORY_USED_PCT;
    }

    private static String title(GpuMetric m) {
        return switch (m) {
            case UTILIZATION_PCT -> "Utilisation (%)";
            case MEMORY_USED_PCT -> "Memory used (%)";
            case TEMPERATURE_C -> "Temperature (°C)";
            case POWER_W -> "Power (W)";
        };
    }

    /** A value with this chart's unit ("75 %", "84 °C", "412 W"). */
    String format(double v) {
        return switch (metric) {
            case UTILIZATION_PCT, MEMORY_USED_PCT -> Units.percent(v, 0);
            case TEMPERATURE_C -> Units.celsius(v);
            case POWER_W -> Units.watts(v);
        };
    }

    /**
     * Shows one series per GPU (index → series) over {@code [now − window, now]}; with a focused GPU (≥ 0) its line
     * stands out and the others are dimmed.
     */
    void show(List<Integer> gpuIndexes, List<Series> series, Instant now, Duration window, int focus) {
        long end = now.toEpochMilli();
        chart.setTimeRange(end - window.toMillis(), end, Ticks.tickFor(window, 5));
        List<TimeChart.Line> out = new ArrayList<>(series.size());
        long gap = Long.MAX_VALUE;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            int gpu = gpuIndexes.get(i);
            boolean focused = focus < 0 || gpu == focus;
            out.add(new TimeChart.Line("GPU " + gpu, s.epochMillis(), s.values(), COLORS[gpu % COLORS.length],
                    focused ? 1 : DIMMED, focus >= 0 && focused ? 3 : 1.6));
            gap = Math.min(gap, 3 * Ticks.medianSpacing(s.epochMillis()));
        }
        if (focus >= 0) {
            // the focused line last, so it is drawn over the others
            out.sort((a, b) -> Boolean.compare(a.opacity() == 1, b.opacity() == 1));
        }
        chart.setGapMillis(gap == Long.MAX_VALUE ? 0 : gap);
        lines = out;
        chart.setLines(out);
        rescale();
    }

    /** How visible the other GPUs' lines stay beside a focused one. */
    static final double DIMMED = 0.25;

    /** The opacity of each line, by GPU order (tests). */
    List<Double> lineOpacities() {
        return lines.stream().sorted((a, b) -> Integer.compare(index(a), index(b)))
                .map(TimeChart.Line::opacity).toList();
    }

    private static int index(TimeChart.Line l) {
        return Integer.parseInt(l.name().substring(4));
    }

    /**
     * The limits to draw (temperature: the model's warn and critical limits; power: the highest power limit). The
     * value axis then reaches the highest of them, so the data's distance to its limit is visible.
     */
    void setThresholds(List<TimeChart.Threshold> limits) {
        chart.setThresholds(limits);
        rescale();
    }

    /** The value axis: 0–100 % for percentages, else from the data and the limits, with round ticks. */
    private void rescale() {
        if (percent()) {
            return;
        }
        double top = chart.thresholds().stream().mapToDouble(TimeChart.Threshold::value).max().orElse(Double.NaN);
        double dataMax = Double.NEGATIVE_INFINITY;
        double dataMin = Double.POSITIVE_INFINITY;
        for (TimeChart.Line l : lines) {
            for (double v : l.values()) {
                if (Double.isFinite(v)) {
                    dataMax = Math.max(dataMax, v);
                    dataMin = Math.min(dataMin, v);
                }
            }
        }
        if (Double.isNaN(top) && dataMax == Double.NEGATIVE_INFINITY) {
            chart.setValueRange(0, metric == GpuMetric.TEMPERATURE_C ? 100 : 500, 0);
            return;
        }
        double upper = Math.max(Double.isNaN(top) ? 0 : top * 1.05, dataMax);
        double low = Math.min(dataMin, Double.isNaN(top) ? dataMin : top);
        double lower = metric == GpuMetric.TEMPERATURE_C ? Math.max(0, Math.floor((low - 10) / 10) * 10) : 0;
        double step = Ticks.niceStep((upper - lower) / 5);
        chart.setValueRange(lower, Math.max(lower + step, Math.ceil(upper / step) * step), step);
    }

    /** The node's events to mark at their time (those outside the window are not drawn). */
    void setMarkers(List<TimeChart.Marker> events) {
        chart.setMarkers(events);
    }

    List<TimeChart.Marker> markers() {
        return chart.markers();
    }

    /** The limits drawn now (tests). */
    List<TimeChart.Threshold> thresholds() {
        return chart.thresholds();
    }

    /** Samples in all lines (tests). */
    int points() {
        return lines.stream().mapToInt(l -> l.values().length).sum();
    }

    GpuMetric metric() {
        return metric;
    }

    TimeChart node() {
        return chart;
    }
}
