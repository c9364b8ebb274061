package dev.fleetdeck.cli;

import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.ConfigLoader;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.service.FleetAssembler;
import dev.fleetdeck.service.FleetMonitor;
import dev.fleetdeck.service.HealthRules;
import dev.fleetdeck.service.PolledProvider;
import dev.fleetdeck.service.PollingService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Wires configuration, providers and the polling service together, the same way for every command. */
final class FleetServices {
    private FleetServices() {
    }

    /** Loads the given file, or the built-in simulated fleet when none is given. */
    static FleetDeckConfig loadConfig(Optional<String> file) throws ConfigException {
        return loadConfig(file, dev.fleetdeck.config.ConfigLocations.userConfig());
    }

    /**
     * {@code --config FILE} if given; else the user's config file ({@code ~/.config/fleetdeck/config.yaml}) if it
     * exists; else the built-in simulated fleet.
     */
    static FleetDeckConfig loadConfig(Optional<String> file, Path userConfig) throws ConfigException {
        ConfigLoader loader = new ConfigLoader(ProviderRegistry.load());
        if (file.isPresent()) {
            return loader.load(Path.of(file.get()));
        }
        if (java.nio.file.Files.isRegularFile(userConfig)) {
            System.getLogger(FleetServices.class.getName()).log(System.Logger.Level.INFO,
                    "configuration: {0}", userConfig);
            return loader.load(userConfig);
        }
        return loader.loadDefault();
    }

    /** Polling, history and events over the configured providers (not started). */
    static FleetMonitor monitor(FleetDeckConfig config) {
        return new FleetMonitor(pollingService(config), config.alerts(), null);
    }

    /** The desktop app's back end: alert history is kept on disk. */
    static FleetMonitor desktopMonitor(FleetDeckConfig config) {
        var settings = config.alerts();
        var store = new dev.fleetdeck.service.alerts.AlertStore(settings.historyFile().orElseGet(
                dev.fleetdeck.service.alerts.AlertStore::defaultFile), settings.historyMaxBytes());
        return new FleetMonitor(pollingService(config), settings, store);
    }

    /** The desktop back end, and how a reloaded configuration is applied to it. */
    static dev.fleetdeck.ui.FleetDeckApp.ServiceFactory desktop() {
        return new dev.fleetdeck.ui.FleetDeckApp.ServiceFactory() {
            @Override
            public FleetMonitor create(FleetDeckConfig config) {
                return desktopMonitor(config);
            }

            @Override
            public void reconfigure(FleetMonitor monitor, FleetDeckConfig config) {
                monitor.reconfigure(config.providers().stream().map(FleetServices::polled).toList(),
                        config.unreachableAfter(), config.alerts(), joins(config));
            }
        };
    }

    /** A polling service over the configured providers (not started). */
    static PollingService pollingService(FleetDeckConfig config) {
        var polled = config.providers().stream()
                .map(FleetServices::polled)
                .toList();
        return new PollingService(polled, new FleetAssembler(HealthRules.defaults(), config.unreachableAfter(),
                new dev.fleetdeck.service.HealthTrends()).withJoins(joins(config)),
                Clock.systemUTC());
    }

    /** Sources that take other sources' per-GPU metrics onto their nodes (Kubernetes with metrics-from). */
    static java.util.Map<String, java.util.List<String>> joins(FleetDeckConfig config) {
        java.util.Map<String, java.util.List<String>> out = new java.util.LinkedHashMap<>();
        for (var p : config.providers()) {
            if (!p.provider().metricsFrom().isEmpty()) {
                out.put(p.spec().name(), p.provider().metricsFrom());
            }
        }
        return out;
    }

    /** A configured provider with its schedule, identified by its whole configuration (see hot reload). */
    static PolledProvider polled(dev.fleetdeck.config.ConfiguredProvider p) {
        return new PolledProvider(p.provider(), p.spec().interval(), p.spec().timeout(), p.spec().backoffMax(),
                p.fingerprint());
    }

    /** How long to wait for every provider's first answer: the longest timeout plus a margin. */
    static Duration firstPollBudget(FleetDeckConfig config) {
        return config.providers().stream().map(p -> p.spec().timeout()).max(Duration::compareTo)
                .orElse(Duration.ofSeconds(10)).plusSeconds(5);
    }

    /** How a config is named for people. */
    static String sourceLabel(FleetDeckConfig config) {
        return config.isBuiltInDefault() ? "built-in simulated fleet" : config.source();
    }

}
