package dev.fleetdeck.ui.common.chart;

/** Round steps for chart axes, and the spacing of samples that decides where a line has a gap. Any thread. */
public final class Ticks {
    private Ticks() {
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}: ticks people read at a glance (10, 20, 50, 100 W). */
    public static double niceStep(double raw) {
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

    /** The typical distance between samples, ms (a line breaks where they are three times further apart). */
    public static long medianSpacing(long[] t) {
        if (t.length < 2) {
            return Long.MAX_VALUE / 4;
        }
        long[] d = new long[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            d[i - 1] = t[i] - t[i - 1];
        }
        java.util.Arrays.sort(d);
        return Math.max(1, d[d.length / 2]);
    }

    /** A spacing for time labels: about {@code labels} of them over {@code span}, at a round step (1 min … 1 d). */
    public static long tickFor(java.time.Duration span, int labels) {
        long[] steps = {60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000,
            21_600_000, 43_200_000, 86_400_000};
        long want = span.toMillis() / Math.max(1, labels);
        for (long s : steps) {
            if (s >= want) {
                return s;
            }
        }
        return steps[steps.length - 1];
    }
}
