package dev.fleetdeck.ui.common.chart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The chart's arithmetic without JavaFX: ring, span, gaps, stock-outs and the value axis. */
class TrendDataTest {
    @Test
    void appendingKeepsTheNewestCapacityPoints() {
        TrendData d = TrendData.EMPTY;
        for (int i = 0; i < 5; i++) {
            d = d.append(1000L * i, i, 3);
        }
        assertArrayEquals(new double[] {2, 3, 4}, d.values());
        assertArrayEquals(new long[] {2000, 3000, 4000}, d.times());
        assertEquals(2000, d.spanMillis());
    }

    @Test
    void gapsStayGapsAndDoNotStretchTheSpan() {
        TrendData d = TrendData.of(new long[] {0, 60_000, 120_000, 180_000}, new double[] {Double.NaN, 5, Double.NaN, 7},
                null, 100);
        assertEquals(120_000, d.spanMillis(), "from the first to the last point with a value");
        assertEquals(0, d.zeroMinimums());
    }

    @Test
    void aFivePercentDipStaysADipAroundTheData() {
        TrendData d = TrendData.of(new long[] {0, 1, 2}, new double[] {100, 95, 100}, null, 10);
        double[] r = d.range(TrendChart.Scale.AROUND_DATA, Double.NaN);
        assertEquals(95, r[0], 1e-9);
        assertEquals(100, r[1], 1e-9);
        double[] flat = TrendData.of(new long[] {0, 1}, new double[] {50, 50}, null, 10)
                .range(TrendChart.Scale.AROUND_DATA, Double.NaN);
        assertEquals(1.0, flat[1] - flat[0], 1e-6, "a flat line gets 2 % of its level as range");
    }

    @Test
    void fromZeroUsesTheFixedTopOrTheMaximumPlusTenPercent() {
        TrendData d = TrendData.of(new long[] {0, 1}, new double[] {10, 40}, new double[] {0, 30}, 10);
        assertArrayEquals(new double[] {0, 100}, d.range(TrendChart.Scale.FROM_ZERO, 100));
        assertArrayEquals(new double[] {0, 44}, d.range(TrendChart.Scale.FROM_ZERO, Double.NaN), 1e-9);
        assertEquals(1, d.zeroMinimums(), "a bucket whose minimum touched zero: a stock-out");
    }
}
