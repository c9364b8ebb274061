package dev.fleetdeck.config;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderSpec;

/**
 * A provider created from a valid configuration section.
 *
 * @param spec        its configuration
 * @param provider    the instance, not yet polled
 * @param fingerprint its whole configuration section as canonical text: equal fingerprints mean the same source
 *                    (a reloaded configuration keeps such a provider running)
 */
public record ConfiguredProvider(ProviderSpec spec, FleetProvider provider, String fingerprint) {

    /** A provider fingerprinted by its name alone. */
    public ConfiguredProvider(ProviderSpec spec, FleetProvider provider) {
        this(spec, provider, spec.name());
    }
}
