package dev.fleetdeck.ui.common.chart;

import java.util.Arrays;

/**
 * A chart's points, oldest first: times, values (NaN where nothing was recorded) and per-point minimums (a bucket's
 * lowest value; the values themselves for raw samples). Immutable; no JavaFX, so its arithmetic is tested alone.
 */
public record TrendData(long[] times, double[] values, double[] minimums) {
    public static final TrendData EMPTY = new TrendData(new long[0], new double[0], new double[0]);

    public TrendData {
        if (times.length != values.length || values.length != minimums.length) {
            throw new IllegalArgumentException("chart arrays differ in length");
        }
    }

    /** The newest {@code max} points of a series (minimums null: the values). */
    public static TrendData of(long[] times, double[] values, double[] minimums, int max) {
        int from = Math.max(0, values.length - max);
        double[] mins = minimums == null ? values : minimums;
        return new TrendData(Arrays.copyOfRange(times, from, times.length), Arrays.copyOfRange(values, from,
                values.length), Arrays.copyOfRange(mins, from, mins.length));
    }

    /** These points and one more at the end, the oldest dropped beyond {@code capacity}. */
    TrendData append(long time, double value, int capacity) {
        int keep = Math.min(values.length, capacity - 1);
        int from = values.length - keep;
        long[] t = Arrays.copyOfRange(times, from, from + keep + 1);
        double[] v = Arrays.copyOfRange(values, from, from + keep + 1);
        double[] m = Arrays.copyOfRange(minimums, from, from + keep + 1);
        t[keep] = time;
        v[keep] = value;
        m[keep] = value;
        return new TrendData(t, v, m);
    }

    public int size() {
        return values.length;
    }

    /** Milliseconds from the oldest to the newest point with a value; 0 with fewer than two. */
    public long spanMillis() {
        int first = -1;
        int last = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return first < 0 || last == first ? 0 : times[last] - times[first];
    }

    /** Points whose minimum touched zero. */
    public int zeroMinimums() {
        int n = 0;
        for (double m : minimums) {
            n += m == 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * The value axis: {@code [low, high]}. Around the data keeps at least 2 % of the level as range (so a 5 % dip
     * stays a dip); from zero goes to the fixed maximum, or the data's maximum plus 10 %.
     */
    public double[] range(TrendChart.Scale scale, double fixedMax) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return new double[] {0, 1};
        }
        if (scale == TrendChart.Scale.FROM_ZERO) {
            double top = !Double.isNaN(fixedMax) ? fixedMax : max <= 0 ? 1 : max * 1.1;
            return new double[] {0, top};
        }
        double span = Math.max(max - min, Math.abs(max) * 0.02 + 1e-9);
        double mid = (max + min) / 2;
        return new double[] {mid - span / 2, mid + span / 2};
    }
}
