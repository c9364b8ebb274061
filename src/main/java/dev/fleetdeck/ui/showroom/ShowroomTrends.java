package dev.fleetdeck.ui.showroom;

import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.history.Series;
import dev.fleetdeck.ui.common.chart.Ticks;
import dev.fleetdeck.ui.common.chart.TimeChart;
import dev.fleetdeck.ui.theme.Theme;
import javafx.scene.paint.Color;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The showroom's trend lines on the window's one chart control ({@link TimeChart}): the span the history holds (up
 * to a day), clock times and a value axis from zero, in the showroom's branding colour and always in the dark theme.
 * FX thread.
 */
final class ShowroomTrends {
    private static final String STYLE = "showroom.trend";

    private ShowroomTrends() {
    }

    private record Style(boolean stockOuts, double fixedMax, Color accent) {
    }

    /**
     * @param stockOuts mark the minutes whose lowest free count touched zero (and count GPUs, not percent)
     * @param fixedMax  the top of the scale (100 for a percentage), or NaN for the series' maximum
     */
    static TimeChart chart(boolean stockOuts, double fixedMax, Color accent) {
        TimeChart chart = new TimeChart("", v -> Double.isNaN(fixedMax) ? Units.count(Math.round(v))
                : Units.percent(v, 0), ZoneId.systemDefault());
        chart.setLegendVisible(false);
        chart.setTheme(Theme.DARK);
        chart.getStyleClass().add("sr-trend");
        chart.getProperties().put(STYLE, new Style(stockOuts, fixedMax, accent));
        return chart;
    }

    static void show(TimeChart chart, Series s) {
        Style style = (Style) chart.getProperties().get(STYLE);
        long[] t = s.epochMillis();
        long end = t.length == 0 ? System.currentTimeMillis() : t[t.length - 1];
        long start = t.length < 2 ? end - Duration.ofHours(1).toMillis() : t[0];
        chart.setTimeRange(start, end, Ticks.tickFor(Duration.ofMillis(end - start), 4));
        double max = Double.isNaN(style.fixedMax())
                ? Arrays.stream(s.values()).filter(Double::isFinite).max().orElse(1) * 1.1 : style.fixedMax();
        double step = Ticks.niceStep(Math.max(1e-9, max) / 4);
        chart.setValueRange(0, Math.max(step, Math.ceil(max / step) * step), step);
        chart.setGapMillis(3 * Ticks.medianSpacing(t));
        chart.setLines(List.of(new TimeChart.Line("trend", t, s.values(), style.accent(), 1, 1.8)));
        chart.setBottomMarks(style.stockOuts() ? zeroMinimumTimes(s) : new long[0]);
    }

    /** The times whose lowest value touched zero (for free GPUs: a stock-out). */
    static long[] zeroMinimumTimes(Series s) {
        long[] out = new long[s.size()];
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.min()[i] == 0) {
                out[n++] = s.epochMillis()[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** How many of the series' points touched zero. */
    static int zeroMinimums(Series s) {
        return zeroMinimumTimes(s).length;
    }
}
