package dev.fleetdeck.model;

/**
 * Conventions for measured values. A metric a source did not report is <em>absent</em>, stored as
 * {@link Double#NaN}, and never as 0: a GPU at 0 % utilisation and a GPU whose utilisation is unknown
 * are different facts. Primitive doubles keep 100k GPUs compact; these helpers keep the convention readable.
 */
public final class Metrics {
    /** The value of a metric that was not reported. */
    public static final double ABSENT = Double.NaN;

    private Metrics() {
    }

    /** Whether a metric value was reported. */
    public static boolean isPresent(double value) {
        return !Double.isNaN(value);
    }

    /** The value, or {@code fallback} when absent. */
    public static double orElse(double value, double fallback) {
        return Double.isNaN(value) ? fallback : value;
    }
}
