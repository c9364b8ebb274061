package dev.fleetdeck.ui.overview;

import dev.fleetdeck.model.Units;
import dev.fleetdeck.ui.common.chart.TrendChart;
import eu.hansolo.tilesfx.Tile;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A TilesFX custom tile that shows a value with its unit, a line of context, and a sparkline of its recent
 * values. FX thread only.
 */
final class TrendTile {
    private final Label value = new Label("—");
    private final Label detail = new Label("");
    private final TrendChart line;
    private final Tile tile;
    private final VBox box;

    TrendTile(String id, String title, int points) {
        value.getStyleClass().add("trend-value");
        detail.getStyleClass().add("trend-detail");
        detail.setWrapText(true);
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // From zero: a dip of 5 % looks like 5 %, not like a crash (the scale's top is set to the power limit).
        line = new TrendChart(TrendChart.Scale.FROM_ZERO, Double.NaN, false, points);
        line.showAxes(Units::kilowatts, java.time.ZoneId.systemDefault());
        box = new VBox(value, detail, line);
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

    /** The top of the line's scale (NaN: the data's maximum plus 10 %). */
    void setScaleTop(double top) {
        line.setFixedMax(top);
    }

    /** Shows a value (text with unit) taken at {@code at}, and appends the number to the sparkline. */
    void update(String text, double number, java.time.Instant at, String context) {
        value.setText(text);
        line.append(number, at.toEpochMilli());
        long span = line.spanMillis();
        detail.setText(context + (span > 0 ? " · line: last " + Units.age(java.time.Duration.ofMillis(span)) : ""));
    }

    /** Shows a value, and as the line a series from history (e.g. minute means of the last two hours). */
    void update(String text, long[] epochMillis, double[] series, String context) {
        value.setText(text);
        line.setSeries(epochMillis, series, null);
        long span = line.spanMillis();
        detail.setText(context + (span > 0 ? " · line: last " + Units.age(java.time.Duration.ofMillis(span)) : ""));
    }

    String valueText() {
        return value.getText();
    }

    int points() {
        return line.size();
    }
}
