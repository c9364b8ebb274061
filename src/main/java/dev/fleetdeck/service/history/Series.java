package dev.fleetdeck.service.history;

import java.util.Objects;

/**
 * A stretch of one time series, oldest first. Values are NaN where nothing was recorded. For downsampled data,
 * {@code min} and {@code max} hold each bucket's extremes (e.g. a stock-out: free GPUs touched 0 within the minute);
 * for raw samples they equal {@code values}.
 *
 * @param key          the series, e.g. {@code utilization-pct} or {@code free:H100}
 * @param epochMillis  sample (or bucket start) times
 * @param values       sample values or bucket means
 * @param min          bucket minimums
 * @param max          bucket maximums
 */
public record Series(String key, long[] epochMillis, double[] values, double[] min, double[] max) {
    public Series {
        Objects.requireNonNull(key, "key");
        if (epochMillis.length != values.length || values.length != min.length || min.length != max.length) {
            throw new IllegalArgumentException("series arrays differ in length");
        }
    }

    /** Number of points. */
    public int size() {
        return values.length;
    }

    /** An empty series. */
    public static Series empty(String key) {
        return new Series(key, new long[0], new double[0], new double[0], new double[0]);
    }
}
