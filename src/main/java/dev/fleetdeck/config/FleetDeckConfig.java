package dev.fleetdeck.config;

import java.time.Duration;
import java.util.List;

/**
 * A loaded, valid configuration.
 *
 * @param source           where it came from (a file path, or the built-in default)
 * @param providers        the configured providers, in file order
 * @param unreachableAfter how long a provider may fail before its nodes show as unreachable
 */
public record FleetDeckConfig(String source, List<ConfiguredProvider> providers, Duration unreachableAfter)
        implements AutoCloseable {

    public FleetDeckConfig {
        providers = List.copyOf(providers);
    }

    /** Whether this is the built-in simulated fleet. */
    public boolean isBuiltInDefault() {
        return ConfigLoader.DEFAULT_SOURCE.equals(source);
    }

    /** Closes every provider (for a config that is validated but not run). */
    @Override
    public void close() {
        providers.forEach(p -> p.provider().close());
    }
}
