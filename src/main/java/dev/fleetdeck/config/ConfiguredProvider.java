package dev.fleetdeck.config;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderSpec;

/**
 * A provider created from a valid configuration section.
 *
 * @param spec     its configuration
 * @param provider the instance, not yet polled
 */
public record ConfiguredProvider(ProviderSpec spec, FleetProvider provider) {
}
