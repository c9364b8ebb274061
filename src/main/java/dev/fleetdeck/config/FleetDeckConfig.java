package dev.fleetdeck.config;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.ShowroomSettings;

import java.time.Duration;
import java.util.List;

/**
 * A loaded, valid configuration.
 *
 * @param source           where it came from (a file path, or the built-in default)
 * @param providers        the configured providers, in file order
 * @param unreachableAfter how long a provider may fail before its nodes show as unreachable
 * @param showroom         branding and content of the showroom mode
 * @param alerts           alert rules, idle detection and alert history
 * @param recording        the flight recorder
 * @param service          the headless service's endpoint and where alerts are sent
 */
public record FleetDeckConfig(String source, List<ConfiguredProvider> providers, Duration unreachableAfter,
                              ShowroomSettings showroom, AlertSettings alerts,
                              dev.fleetdeck.model.RecordingSettings recording,
                              dev.fleetdeck.model.ServiceSettings service)
        implements AutoCloseable {

    public FleetDeckConfig {
        providers = List.copyOf(providers);
        java.util.Objects.requireNonNull(showroom, "showroom");
        java.util.Objects.requireNonNull(alerts, "alerts");
        java.util.Objects.requireNonNull(recording, "recording");
        java.util.Objects.requireNonNull(service, "service");
    }

    /** A configuration with the service's defaults. */
    public FleetDeckConfig(String source, List<ConfiguredProvider> providers, Duration unreachableAfter,
                           ShowroomSettings showroom, AlertSettings alerts,
                           dev.fleetdeck.model.RecordingSettings recording) {
        this(source, providers, unreachableAfter, showroom, alerts, recording,
                dev.fleetdeck.model.ServiceSettings.defaults());
    }

    /** A configuration that records with the defaults. */
    public FleetDeckConfig(String source, List<ConfiguredProvider> providers, Duration unreachableAfter,
                           ShowroomSettings showroom, AlertSettings alerts) {
        this(source, providers, unreachableAfter, showroom, alerts, dev.fleetdeck.model.RecordingSettings.defaults());
    }

    /** A configuration with the default showroom and alerts. */
    public FleetDeckConfig(String source, List<ConfiguredProvider> providers, Duration unreachableAfter) {
        this(source, providers, unreachableAfter, ShowroomSettings.defaults(), AlertSettings.defaults());
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
