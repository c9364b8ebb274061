package dev.fleetdeck.ui.overview;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.ui.common.ShrinkToFit;
import dev.fleetdeck.ui.common.chart.Ticks;
import dev.fleetdeck.ui.common.chart.TimeChart;
import dev.fleetdeck.ui.theme.Palette;
import eu.hansolo.tilesfx.Tile;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A TilesFX custom tile that shows a value with its unit, a line of context, and its recent past on the window's
 * time chart (time axis, value axis from zero to the limit, crosshair), over the overview's time range. FX thread.
 */
final class TrendTile {
    private static final int LIVE_POINTS = 2_000;
    private final Label value = new Label("—");
    private final Label detail = new Label("");
    private final TimeChart line;
    private final Tile tile;
    private final VBox box;
    private double top = Double.NaN;
    private long[] liveTimes = new long[0];
    private double[] liveValues = new double[0];
    private int points;

    TrendTile(String id, String title) {
        value.getStyleClass().add("trend-value");
        detail.getStyleClass().add("trend-detail");
        detail.setWrapText(true);
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        line = new TimeChart("", Units::kilowatts, java.time.ZoneId.systemDefault());
        line.setLegendVisible(false);
        line.setId(id + "-chart");
        line.setMinHeight(40);
        value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        box = new VBox(new ShrinkToFit(value, HPos.LEFT), detail, line);
        box.getStyleClass().add("trend-box");
        VBox.setVgrow(line, Priority.ALWAYS);
        tile = TileFactory.custom(id, title, box);
    }

    Tile tile() {
        return tile;
    }

    /** The tile's body, whose font size scales the value and caption. */
    VBox content() {
        return box;
    }

    /** The top of the value axis (NaN: the data's maximum plus 10 %); drawn as a limit line. */
    void setScaleTop(double kw) {
        top = kw;
    }

    /** Shows a value taken at {@code at} and adds it to the line (no past yet: the line grows as polls come). */
    void update(String text, double number, Instant at, Duration range, String context) {
        int n = Math.min(liveTimes.length + 1, LIVE_POINTS);
        long[] t = Arrays.copyOfRange(liveTimes, liveTimes.length - (n - 1), liveTimes.length + 1);
        double[] v = Arrays.copyOfRange(liveValues, liveValues.length - (n - 1), liveValues.length + 1);
        t[n - 1] = at.toEpochMilli();
        v[n - 1] = number;
        liveTimes = t;
        liveValues = v;
        update(text, t, v, at, range, context);
    }

    /** Shows a value, and as the line a series from history over {@code range} up to {@code now}. */
    void update(String text, long[] epochMillis, double[] series, Instant now, Duration range, String context) {
        value.setText(text);
        long end = now.toEpochMilli();
        line.setTimeRange(end - range.toMillis(), end, Ticks.tickFor(range, 3));
        double max = Double.isNaN(top) ? Arrays.stream(series).filter(Double::isFinite).max().orElse(1) * 1.1 : top;
        double step = Ticks.niceStep(max / 4);
        line.setValueRange(0, Math.max(step, Math.ceil(max / step) * step), step);
        line.setThresholds(Double.isNaN(top) ? List.of()
                : List.of(new TimeChart.Threshold(top, Health.WARN, "limit " + Units.kilowatts(top))));
        line.setGapMillis(3 * Ticks.medianSpacing(epochMillis));
        line.setLines(List.of(new TimeChart.Line("power", epochMillis, series, Palette.theme().accent(), 1, 2)));
        points = (int) Arrays.stream(series).filter(Double::isFinite).count();
        long span = epochMillis.length < 2 ? 0 : epochMillis[epochMillis.length - 1] - epochMillis[0];
        detail.setText(context + (span > 0 ? " · line: last " + Units.age(Duration.ofMillis(span)) : ""));
    }

    String valueText() {
        return value.getText();
    }

    int points() {
        return points;
    }
}
