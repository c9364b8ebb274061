package dev.fleetdeck.app;

import dev.fleetdeck.config.ConfigEdit;
import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.ConfigLoader;
import dev.fleetdeck.config.ConfigLocations;
import dev.fleetdeck.config.ConfigWatcher;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.config.OptionForms;
import dev.fleetdeck.model.ShowroomSettings;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.FleetMonitor;
import dev.fleetdeck.service.alerts.Alert;
import dev.fleetdeck.ui.app.DesktopBackend;
import dev.fleetdeck.ui.app.FleetDeckApp;
import dev.fleetdeck.ui.common.AlertActions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The desktop's back end: the monitor with alert history on disk, the configuration watcher and hot reload, and the
 * settings dialog's file access. Built here, handed to the window as a {@link DesktopBackend}.
 */
public final class DesktopWiring implements DesktopBackend {
    private static final System.Logger LOG = System.getLogger(DesktopWiring.class.getName());

    private final FleetMonitor monitor;
    private final dev.fleetdeck.service.recording.Recorder recorder;
    private final dev.fleetdeck.service.recording.TimeMachine timeMachine;
    /** Alerts to Alertmanager and silences both ways, when the configuration names one. */
    private final dev.fleetdeck.service.noc.AlertmanagerSender alertmanager;
    /** Alerts the team's Prometheus and Alertmanager hold, shown beside FleetDeck's own. */
    private final dev.fleetdeck.service.noc.ExternalAlertSource external;
    /** /metrics and the rest, when service.desktop-endpoint asks for it. */
    private final dev.fleetdeck.service.noc.ServiceEndpoint endpoint;
    private final dev.fleetdeck.service.recording.StartGate recordingGate =
            dev.fleetdeck.service.recording.StartGate.closed();
    private final Path configFile;
    private volatile FleetDeckConfig config;
    private ConfigWatcher watcher;

    private DesktopWiring(FleetDeckConfig config, Path configFile) {
        this.config = config;
        this.configFile = configFile;
        this.monitor = Wiring.desktopMonitor(config);
        this.recorder = Wiring.recorder(config, recordingGate).orElse(null);
        if (recorder != null) {
            monitor.addFrameListener(recorder);
        }
        this.alertmanager = config.service().alertmanagers().isEmpty() ? null
                : new dev.fleetdeck.service.noc.AlertmanagerSender(config.service().alertmanagers(),
                        config.service().resendEvery(), java.time.Clock.systemUTC());
        if (alertmanager != null) {
            monitor.addFrameListener(alertmanager);
            alertmanager.onSilencedThere(there -> monitor.silenceElsewhere(there.alertKey(), there.until(),
                    ServiceWiring.by(there)));
        }
        this.external = Wiring.externalAlerts(config, monitor).orElse(null);
        this.endpoint = config.service().desktopEndpoint() ? endpoint(config, monitor) : null;
        this.timeMachine = recorder == null ? null
                : new dev.fleetdeck.service.recording.TimeMachine(config.recording().directory(), config.alerts(),
                        recordingGate);
    }

    @Override
    public void firstFrameShown() {
        recordingGate.release(); // DuckDB's native library loads now, not while the first frame is drawn
    }

    @Override
    public java.util.Optional<dev.fleetdeck.service.recording.TimeMachine> timeMachine() {
        return java.util.Optional.ofNullable(timeMachine);
    }

    @Override
    public java.util.Optional<String> recordingProblem() {
        return recorder == null ? java.util.Optional.empty() : recorder.status().problem();
    }

    /** Starts JavaFX in the background while the configuration is read and the first poll runs. Main thread. */
    public static void warmUpWindow() {
        dev.fleetdeck.ui.app.FxToolkit.warmUp();
    }

    /**
     * Opens the dashboard on a loaded configuration and blocks until the window is closed. Main thread.
     *
     * @param configFile the file the settings dialog saves to and hot reload follows (the one loaded, or where the
     *                   user's configuration goes when the built-in fleet runs)
     */
    public static void launch(FleetDeckConfig config, Path configFile, boolean showroom, long launchNanos) {
        DesktopWiring wiring = new DesktopWiring(config, configFile);
        // Polling starts while JavaFX starts: the first answers are there when the window is.
        wiring.monitor.start();
        try {
            FleetDeckApp.launch(wiring, showroom, launchNanos);
        } catch (RuntimeException | Error e) {
            wiring.close(); // no window (e.g. no display): stop what was started before saying why
            throw e;
        }
    }

    @Override
    public String sourceLabel() {
        return Wiring.sourceLabel(config);
    }

    @Override
    public String header() {
        // First run (no config file yet): the header says where real sources go.
        return config.isBuiltInDefault() ? sourceLabel() + " · add your sources in " + ConfigLocations.userConfig()
                + " (see README)" : sourceLabel();
    }

    @Override
    public ShowroomSettings showroom() {
        return config.showroom();
    }

    @Override
    public Duration notifyEvery() {
        return monitor.alertSettings().notifyEvery();
    }

    @Override
    public Path configFile() {
        return configFile;
    }

    @Override
    public AlertActions alertActions() {
        // The monitor re-issues the frame under its cycle lock: off the FX thread, which must not wait for a cycle.
        return new AlertActions() {
            @Override
            public void ack(String key, Instant at) {
                Thread.ofVirtual().name("fleetdeck-alert-ack").start(() -> monitor.ack(key, at));
                // An acknowledgement silences the alert in Alertmanager for two hours, so nobody is paged for it.
                silenceThere(key, at.plus(Duration.ofHours(2)), "acknowledged in FleetDeck");
            }

            @Override
            public void silence(String key, Instant until) {
                Thread.ofVirtual().name("fleetdeck-alert-silence").start(() -> monitor.silence(key, until));
                silenceThere(key, until, "silenced in FleetDeck");
            }
        };
    }

    /** The service's endpoint in the window's process; a port in use is logged, and the window runs without it. */
    private static dev.fleetdeck.service.noc.ServiceEndpoint endpoint(FleetDeckConfig config, FleetMonitor monitor) {
        var s = config.service();
        try {
            var e = new dev.fleetdeck.service.noc.ServiceEndpoint(s.host(), s.port(), s.tenantMetrics(), Wiring.version(),
                    Wiring.sourceLabel(config), java.time.Clock.systemUTC());
            monitor.addFrameListener(e);
            LOG.log(System.Logger.Level.INFO, "serving /metrics on " + s.host() + ":" + e.port());
            return e;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "service.desktop-endpoint: cannot listen on " + s.host() + ":"
                    + s.port() + " (" + e.getMessage() + "); the window runs without it");
            return null;
        }
    }

    /** The same silence in every configured Alertmanager (matchers: the alert's labels; creator: the OS user). */
    private void silenceThere(String key, Instant until, String comment) {
        FleetFrame latest = monitor.latest();
        if (alertmanager == null || latest == null) {
            return;
        }
        latest.alerts().open().stream().filter(a -> a.key().equals(key)).findFirst().ifPresent(a ->
                alertmanager.silence(a, latest.snapshot().nodes().stream()
                        .filter(n -> (n.provider() + "/" + n.hostname()).equals(a.group())).findFirst(), until,
                        System.getProperty("user.name", "fleetdeck"), comment));
    }

    @Override
    public void start(Consumer<FleetFrame> frames, Consumer<Alert> firing, ReloadListener reloads) {
        monitor.addFrameListener(frames);
        monitor.addFiringListener(firing);
        byte[] current = null;
        if (!config.isBuiltInDefault()) {
            try {
                current = Files.readAllBytes(configFile);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.INFO, "cannot read {0} again: {1}", configFile, e.getMessage());
            }
        }
        watcher = new ConfigWatcher(configFile, Wiring.loader(), current, outcome -> reloaded(outcome, reloads))
                .start();
        FleetFrame already = monitor.latest();
        if (already != null) {
            frames.accept(already);
            already.alerts().firing().forEach(firing); // fired before the window listened (the notifier dedupes)
        }
    }

    /** On the watcher thread: apply a valid configuration, report either outcome. */
    private void reloaded(ConfigWatcher.Outcome outcome, ReloadListener reloads) {
        switch (outcome) {
            case ConfigWatcher.Outcome.Loaded loaded -> {
                FleetDeckConfig next = loaded.config();
                Wiring.reconfigure(monitor, next);
                config = next;
                String text = "Configuration reloaded from " + next.source() + ": " + next.providers().size()
                        + (next.providers().size() == 1 ? " source" : " sources");
                LOG.log(System.Logger.Level.INFO, text);
                reloads.applied(text);
            }
            case ConfigWatcher.Outcome.Rejected rejected -> {
                LOG.log(System.Logger.Level.WARNING, "{0} changed but is not valid; keeping the running "
                        + "configuration:\n{1}", rejected.file(), String.join("\n",
                        rejected.errors().stream().map(Object::toString).toList()));
                reloads.rejected(rejected.file().toString(), rejected.errors());
            }
        }
    }

    @Override
    public SettingsAccess openSettings() throws IOException, ConfigException {
        ConfigEdit edit = ConfigEdit.open(configFile, config.isBuiltInDefault() ? ConfigLoader.defaultText()
                : "providers: []\n");
        OptionForms forms = new OptionForms(Wiring.registry());
        return new SettingsAccess(edit, forms, ConnectionTests.over(forms));
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        if (external != null) {
            external.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        monitor.close();
        if (alertmanager != null) {
            alertmanager.close();
        }
        if (timeMachine != null) {
            timeMachine.close();
        }
        if (recorder != null) {
            recorder.close(); // after the monitor: the last frame is written, the open segment sealed
        }
    }
}
