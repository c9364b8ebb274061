package dev.fleetdeck.app;

import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.ConfigLoader;
import dev.fleetdeck.config.ConfigLocations;
import dev.fleetdeck.config.ConfiguredProvider;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.service.FleetMonitor;
import dev.fleetdeck.service.alerts.AlertStore;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.health.HealthTrends;
import dev.fleetdeck.service.polling.PolledProvider;
import dev.fleetdeck.service.polling.PollingService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root: the one place that loads the provider registry and builds, from a configuration, the
 * polling service, assembler, health rules, history, alert engine and idle tracking. The desktop window
 * ({@link DesktopWiring}), the CLI commands and the tests all get their back end here, wired the same way.
 */
public final class Wiring {
    private static final ProviderRegistry REGISTRY = ProviderRegistry.load();

    private Wiring() {
    }

    /** The provider types found on the class path (one registry for the process). */
    public static ProviderRegistry registry() {
        return REGISTRY;
    }

    /** A loader over the registry. */
    public static ConfigLoader loader() {
        return new ConfigLoader(REGISTRY);
    }

    /** Loads the given file, or the built-in simulated fleet when none is given. */
    public static FleetDeckConfig loadConfig(Optional<String> file) throws ConfigException {
        return loadConfig(file, ConfigLocations.userConfig());
    }

    /**
     * {@code --config FILE} if given; else the user's config file ({@code ~/.config/fleetdeck/config.yaml}) if it
     * exists; else the built-in simulated fleet.
     */
    public static FleetDeckConfig loadConfig(Optional<String> file, Path userConfig) throws ConfigException {
        ConfigLoader loader = loader();
        if (file.isPresent()) {
            return loader.load(Path.of(file.get()));
        }
        if (Files.isRegularFile(userConfig)) {
            System.getLogger(Wiring.class.getName()).log(System.Logger.Level.INFO, "configuration: {0}", userConfig);
            return loader.load(userConfig);
        }
        return loader.loadDefault();
    }

    /** The back end of a one-shot command: polling, history, events, idle and alerts, no alert history (not started). */
    public static FleetMonitor monitor(FleetDeckConfig config) {
        return new FleetMonitor(pollingService(config), config.alerts(), null);
    }

    /** The desktop app's back end: alert history is kept on disk (not started). */
    public static FleetMonitor desktopMonitor(FleetDeckConfig config) {
        AlertSettings settings = config.alerts();
        AlertStore store = new AlertStore(settings.historyFile().orElseGet(AlertStore::defaultFile),
                settings.historyMaxBytes());
        return new FleetMonitor(pollingService(config), settings, store);
    }

    /**
     * The flight recorder of the configuration's {@code recording:} section (not yet fed), or empty when recording
     * is off or its directory cannot be used — then the app runs without it and the log says why.
     */
    public static java.util.Optional<dev.fleetdeck.service.recording.Recorder> recorder(FleetDeckConfig config) {
        return recorder(config, dev.fleetdeck.service.recording.StartGate.open());
    }

    /** The flight recorder, writing nothing before {@code gate} opens (the desktop opens it after its first frame). */
    public static java.util.Optional<dev.fleetdeck.service.recording.Recorder> recorder(FleetDeckConfig config,
            dev.fleetdeck.service.recording.StartGate gate) {
        if (!config.recording().enabled()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(dev.fleetdeck.service.recording.Recorder.start(config.recording(),
                    Clock.systemUTC(), gate));
        } catch (dev.fleetdeck.service.recording.RecordingException e) {
            System.getLogger(Wiring.class.getName()).log(System.Logger.Level.WARNING, "not recording: "
                    + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /**
     * Reads the alerts of the Prometheus servers and Alertmanagers under {@code alerts.receive-from} into the
     * monitor's frames (started; the caller closes it), or empty when none is configured.
     */
    public static java.util.Optional<dev.fleetdeck.service.noc.ExternalAlertSource> externalAlerts(
            FleetDeckConfig config, FleetMonitor monitor) {
        List<dev.fleetdeck.service.noc.ExternalAlertSource.Spec> specs = new java.util.ArrayList<>();
        config.service().prometheusAlerts().forEach(u -> specs.add(new dev.fleetdeck.service.noc.ExternalAlertSource
                .Spec(dev.fleetdeck.service.noc.ExternalAlertSource.Spec.Kind.PROMETHEUS, u)));
        config.service().alertmanagerAlerts().forEach(u -> specs.add(new dev.fleetdeck.service.noc.ExternalAlertSource
                .Spec(dev.fleetdeck.service.noc.ExternalAlertSource.Spec.Kind.ALERTMANAGER, u)));
        return specs.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new dev.fleetdeck.service.noc.ExternalAlertSource(specs,
                        monitor::setExternalAlerts));
    }

    /** FleetDeck's version from the build ("0.1.0-SNAPSHOT"), or "unknown". */
    public static String version() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = Wiring.class.getResourceAsStream("/dev/fleetdeck/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            // unknown
        }
        return p.getProperty("version", "unknown");
    }

    /** Hot reload: applies a valid, reloaded configuration to a running back end. Any thread. */
    public static void reconfigure(FleetMonitor monitor, FleetDeckConfig config) {
        monitor.reconfigure(config.providers().stream().map(Wiring::polled).toList(), config.unreachableAfter(),
                config.alerts(), joins(config));
    }

    /** A polling service over the configured providers (not started). */
    public static PollingService pollingService(FleetDeckConfig config) {
        List<PolledProvider> polled = config.providers().stream().map(Wiring::polled).toList();
        return new PollingService(polled, new FleetAssembler(HealthRules.defaults(), config.unreachableAfter(),
                new HealthTrends()).withJoins(joins(config)), Clock.systemUTC());
    }

    /** Sources that take other sources' per-GPU metrics onto their nodes (Kubernetes with metrics-from). */
    static Map<String, List<String>> joins(FleetDeckConfig config) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ConfiguredProvider p : config.providers()) {
            if (!p.provider().metricsFrom().isEmpty()) {
                out.put(p.spec().name(), p.provider().metricsFrom());
            }
        }
        return out;
    }

    /** A configured provider with its schedule, identified by its whole configuration (see hot reload). */
    static PolledProvider polled(ConfiguredProvider p) {
        return new PolledProvider(p.provider(), p.spec().interval(), p.spec().timeout(), p.spec().backoffMax(),
                p.fingerprint());
    }

    /** How long to wait for every provider's first answer: the longest timeout plus a margin. */
    public static Duration firstPollBudget(FleetDeckConfig config) {
        return config.providers().stream().map(p -> p.spec().timeout()).max(Duration::compareTo)
                .orElse(Duration.ofSeconds(10)).plusSeconds(5);
    }

    /** How a config is named for people. */
    public static String sourceLabel(FleetDeckConfig config) {
        return config.isBuiltInDefault() ? "built-in simulated fleet" : config.source();
    }
}
