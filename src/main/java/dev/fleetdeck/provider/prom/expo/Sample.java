package dev.fleetdeck.provider.prom.expo;

/**
 * One sample of a series, whichever wire it came from (exposition text or a PromQL JSON answer). Views are reused:
 * read what you need inside the callback, do not keep the object.
 */
public interface Sample {
    /** Whether the metric name equals {@code key}. */
    boolean nameIs(LabelKey key);

    /** The metric name (allocates; prefer {@link #nameIs} on hot paths). */
    String name();

    /** A label's value, or null when the sample has no such label. */
    String label(LabelKey key);

    /** The value; NaN and ±Inf are possible. */
    double value();
}
