package dev.fleetdeck.ui.detail;

import dev.fleetdeck.service.history.GpuMetric;
import dev.fleetdeck.service.history.Series;
import dev.fleetdeck.ui.common.Columns;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One metric of every GPU of a node over a window: a line per GPU, clock times on the x axis, the unit on the y
 * axis; no animation, no symbols, at most two points per pixel. FX thread only.
 */
final class GpuChart {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private final GpuMetric metric;
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final ThresholdLineChart chart = new ThresholdLineChart(x, y);

    GpuChart(GpuMetric metric, ZoneId zone) {
        this.metric = metric;
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        chart.setTitle(title(metric));
        chart.getStyleClass().add("gpu-chart");
        chart.setId("chart-" + metric.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        x.setAutoRanging(false);
        x.setAnimated(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(Columns.toText(
                n -> HH_MM.format(Instant.ofEpochSecond(n.longValue()).atZone(zone))));
        y.setAnimated(false);
        y.setMinorTickVisible(false);
        y.setForceZeroInRange(metric != GpuMetric.TEMPERATURE_C);
        if (metric == GpuMetric.UTILIZATION_PCT || metric == GpuMetric.MEMORY_USED_PCT) {
            y.setAutoRanging(false);
            y.setLowerBound(0);
            y.setUpperBound(100);
            y.setTickUnit(25);
        }
    }

    private static String title(GpuMetric m) {
        return switch (m) {
            case UTILIZATION_PCT -> "Utilisation (%)";
            case MEMORY_USED_PCT -> "Memory used (%)";
            case TEMPERATURE_C -> "Temperature (°C)";
            case POWER_W -> "Power (W)";
        };
    }

    /**
     * Shows one series per GPU (index → series) over {@code [now − window, now]}; with a focused GPU (≥ 0) its line
     * stands out and the others are dimmed.
     */
    void show(List<Integer> gpuIndexes, List<Series> series, Instant now, Duration window, int focus) {
        long end = now.getEpochSecond();
        long start = end - window.toSeconds();
        x.setLowerBound(start);
        x.setUpperBound(end);
        x.setTickUnit(window.toSeconds() <= 600 ? 60 : window.toSeconds() <= 3600 ? 600 : 4 * 3600);
        int buckets = Math.max(50, (int) Math.max(chart.getWidth(), 400) / 2);
        boolean reuse = chart.getData().size() == series.size();
        List<XYChart.Series<Number, Number>> out = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double[][] pts = Downsample.minMax(s.epochMillis(), s.values(), buckets);
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(pts[0].length);
            for (int k = 0; k < pts[0].length; k++) {
                double sec = pts[0][k] / 1000.0;
                if (sec >= start) {
                    data.add(new XYChart.Data<>(sec, pts[1][k]));
                }
            }
            String name = "GPU " + gpuIndexes.get(i);
            if (reuse) {
                // Same lines as before: new points only; replacing the series would rebuild their paths and styles.
                XYChart.Series<Number, Number> xy = chart.getData().get(i);
                xy.setName(name);
                xy.getData().setAll(data);
            } else {
                out.add(new XYChart.Series<>(name, javafx.collections.FXCollections.observableArrayList(data)));
            }
        }
        if (!reuse) {
            chart.getData().setAll(out);
        }
        for (int i = 0; i < chart.getData().size(); i++) {
            javafx.scene.Node line = chart.getData().get(i).getNode();
            if (line != null) {
                boolean focused = focus < 0 || gpuIndexes.get(i) == focus;
                line.setOpacity(focused ? 1 : DIMMED);
                line.setStyle(focus >= 0 && focused ? "-fx-stroke-width: 3px;" : "");
                if (focus >= 0 && focused) {
                    line.toFront();
                }
            }
        }
    }

    /** How visible the other GPUs' lines stay beside a focused one. */
    static final double DIMMED = 0.25;

    /** The opacity of each line, in series order (tests). */
    List<Double> lineOpacities() {
        List<Double> out = new ArrayList<>();
        for (var s : chart.getData()) {
            out.add(s.getNode() == null ? 1.0 : s.getNode().getOpacity());
        }
        return out;
    }

    /**
     * The limits to draw (temperature: the model's warn and critical limits; power: the highest power limit). The
     * value axis then reaches the highest of them, so the data's distance to its limit is visible.
     */
    void setThresholds(List<ThresholdLineChart.Threshold> limits) {
        chart.setThresholds(limits);
        if (metric == GpuMetric.UTILIZATION_PCT || metric == GpuMetric.MEMORY_USED_PCT) {
            return;
        }
        double top = limits.stream().mapToDouble(ThresholdLineChart.Threshold::value).max().orElse(Double.NaN);
        if (Double.isNaN(top)) {
            y.setAutoRanging(true);
            return;
        }
        double dataMax = Double.NEGATIVE_INFINITY;
        double dataMin = Double.POSITIVE_INFINITY;
        for (var s : chart.getData()) {
            for (var d : s.getData()) {
                dataMax = Math.max(dataMax, d.getYValue().doubleValue());
                dataMin = Math.min(dataMin, d.getYValue().doubleValue());
            }
        }
        double upper = Math.max(top * 1.05, dataMax);
        double lower = metric == GpuMetric.TEMPERATURE_C
                ? Math.max(0, Math.floor((Math.min(dataMin, top) - 10) / 10) * 10) : 0;
        double step = niceStep((upper - lower) / 5);
        y.setAutoRanging(false);
        y.setLowerBound(lower);
        y.setUpperBound(Math.ceil(upper / step) * step);
        y.setTickUnit(step);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}: ticks people read at a glance (10, 20, 50, 100 W). */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** The limits drawn now (tests). */
    /** The node's events to mark at their time (those outside the window are not drawn). */
    void setMarkers(List<ThresholdLineChart.Marker> events) {
        chart.setMarkers(events);
    }

    List<ThresholdLineChart.Marker> markers() {
        return chart.markers();
    }

    List<ThresholdLineChart.Threshold> thresholds() {
        return chart.thresholds();
    }

    /** Points drawn in all lines (tests). */
    int points() {
        int n = 0;
        for (var s : chart.getData()) {
            n += s.getData().size();
        }
        return n;
    }

    GpuMetric metric() {
        return metric;
    }

    LineChart<Number, Number> node() {
        return chart;
    }
}
