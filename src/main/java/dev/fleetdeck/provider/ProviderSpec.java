package dev.fleetdeck.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * One configured provider instance, as its factory sees it.
 *
 * @param name        unique name, shown everywhere the source is named
 * @param type        provider type, which selects the factory
 * @param interval    time between the end of one poll and the start of the next
 * @param timeout     how long a poll may take before it is abandoned
 * @param backoffMax  the longest pause between polls while the provider fails
 * @param concurrency how many requests (or processes) one poll of this provider may run at once
 * @param options     the type-specific options
 */
public record ProviderSpec(String name, String type, Duration interval, Duration timeout, Duration backoffMax,
                           int concurrency, ProviderOptions options) {
    /** Default for {@link #backoffMax}. */
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(5);
    /** Default for {@link #concurrency}. */
    public static final int DEFAULT_CONCURRENCY = 8;

    public ProviderSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(options, "options");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1 for " + name);
        }
    }

    /** A spec with the default backoff cap and concurrency. */
    public ProviderSpec(String name, String type, Duration interval, Duration timeout, ProviderOptions options) {
        this(name, type, interval, timeout, DEFAULT_BACKOFF_MAX, DEFAULT_CONCURRENCY, options);
    }
}
