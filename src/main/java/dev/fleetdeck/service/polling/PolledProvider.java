package dev.fleetdeck.service.polling;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderSpec;

import java.time.Duration;
import java.util.Objects;

/**
 * A provider with its polling schedule.
 *
 * @param provider   the provider
 * @param interval   pause between the end of one successful poll and the start of the next
 * @param timeout    how long one poll may take before it is abandoned and counted as failed
 * @param backoffMax the longest pause between polls while it fails (a {@code Retry-After} may ask for longer)
 * @param identity   its whole configuration as text: a reloaded configuration keeps the running provider (and its
 *                   data) when this is unchanged, and replaces it otherwise
 */
public record PolledProvider(FleetProvider provider, Duration interval, Duration timeout, Duration backoffMax,
                             String identity) {
    public PolledProvider {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(identity, "identity");
        if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("interval and timeout must be positive for " + provider.name());
        }
    }

    /** Identified by its name alone. */
    public PolledProvider(FleetProvider provider, Duration interval, Duration timeout, Duration backoffMax) {
        this(provider, interval, timeout, backoffMax, provider.name());
    }

    /** With the default backoff cap. */
    public PolledProvider(FleetProvider provider, Duration interval, Duration timeout) {
        this(provider, interval, timeout, ProviderSpec.DEFAULT_BACKOFF_MAX);
    }
}
