package dev.fleetdeck.ui.showroom;

import dev.fleetdeck.service.history.Series;
import dev.fleetdeck.ui.common.chart.TrendChart;
import javafx.scene.paint.Color;

import java.util.Locale;

/** The showroom's trend lines: FleetDeck's one chart control, in the showroom's branding colour. FX thread. */
final class ShowroomTrends {
    private ShowroomTrends() {
    }

    /**
     * @param stockOuts mark the minutes whose lowest free count touched zero
     * @param fixedMax  the top of the scale (100 for a percentage), or NaN for the series' maximum
     */
    static TrendChart chart(boolean stockOuts, double fixedMax, Color accent) {
        TrendChart chart = new TrendChart(TrendChart.Scale.FROM_ZERO, fixedMax, stockOuts, Integer.MAX_VALUE);
        chart.getStyleClass().add("sr-trend");
        chart.setStyle("-fd-line-color: " + hex(accent) + ";");
        return chart;
    }

    static void show(TrendChart chart, Series s) {
        chart.setSeries(s.epochMillis(), s.values(), s.min());
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
