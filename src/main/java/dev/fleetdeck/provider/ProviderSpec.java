package dev.fleetdeck.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * One configured provider instance, as its factory sees it.
 *
 * @param name     unique name, shown everywhere the source is named
 * @param type     provider type, which selects the factory
 * @param interval time between the end of one poll and the start of the next
 * @param timeout  how long a poll may take before it is abandoned
 * @param options  the type-specific options
 */
public record ProviderSpec(String name, String type, Duration interval, Duration timeout, ProviderOptions options) {
    public ProviderSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(options, "options");
    }
}
