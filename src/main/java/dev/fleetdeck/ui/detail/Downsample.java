package dev.fleetdeck.ui.detail;

import java.util.Arrays;

/**
 * Thins a time series to at most about {@code 2 × buckets} points for a chart {@code buckets} pixels wide: each
 * bucket keeps its minimum and maximum (in time order), so spikes survive. Absent (NaN) points are dropped. Pure.
 */
public final class Downsample {
    private Downsample() {
    }

    /** The kept points as {@code [times, values]}. */
    public static double[][] minMax(long[] times, double[] values, int buckets) {
        int n = times.length;
        double[] t = new double[n];
        double[] v = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(values[i])) {
                t[m] = times[i];
                v[m++] = values[i];
            }
        }
        if (m <= 2 * Math.max(1, buckets)) {
            return new double[][]{Arrays.copyOf(t, m), Arrays.copyOf(v, m)};
        }
        double[] ot = new double[2 * buckets];
        double[] ov = new double[2 * buckets];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * m / buckets);
            int to = (int) ((long) (b + 1) * m / buckets);
            if (from >= to) {
                continue;
            }
            int lo = from;
            int hi = from;
            for (int i = from; i < to; i++) {
                if (v[i] < v[lo]) {
                    lo = i;
                }
                if (v[i] > v[hi]) {
                    hi = i;
                }
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            ot[k] = t[first];
            ov[k++] = v[first];
            if (second != first) {
                ot[k] = t[second];
                ov[k++] = v[second];
            }
        }
        return new double[][]{Arrays.copyOf(ot, k), Arrays.copyOf(ov, k)};
    }
}
