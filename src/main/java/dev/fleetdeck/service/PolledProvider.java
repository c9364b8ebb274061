package dev.fleetdeck.service;

import dev.fleetdeck.provider.FleetProvider;

import java.time.Duration;
import java.util.Objects;

/**
 * A provider with its polling schedule.
 *
 * @param provider the provider
 * @param interval pause between the end of one poll and the start of the next
 * @param timeout  how long one poll may take before it is abandoned and counted as failed
 */
public record PolledProvider(FleetProvider provider, Duration interval, Duration timeout) {
    public PolledProvider {
        Objects.requireNonNull(provider, "provider");
        if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("interval and timeout must be positive for " + provider.name());
        }
    }
}
