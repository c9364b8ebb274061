package dev.fleetdeck.app;

import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.ServiceSettings;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.FleetMonitor;
import dev.fleetdeck.service.alerts.Alert;
import dev.fleetdeck.service.noc.AlertmanagerSender;
import dev.fleetdeck.service.noc.ServiceEndpoint;
import dev.fleetdeck.service.noc.WebhookSender;
import dev.fleetdeck.service.recording.Recorder;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The headless service ({@code fleetdeck serve}): everything the desktop app runs but the window — polling, assembly,
 * health, alert rules and history, idle cost, the flight recorder — plus the HTTP endpoint and alerts sent to
 * Alertmanager. Logs one line per state change (a source's state, an alert firing or resolving), never per poll.
 * Built and closed by the thread that runs the command.
 */
public final class ServiceWiring implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ServiceWiring.class.getName());

    private final FleetMonitor monitor;
    private final Recorder recorder;
    private final ServiceEndpoint endpoint;
    private final AlertmanagerSender sender;
    private final WebhookSender webhooks;
    private dev.fleetdeck.service.noc.ExternalAlertSource external;

    private ServiceWiring(FleetMonitor monitor, Recorder recorder, ServiceEndpoint endpoint,
                          AlertmanagerSender sender, WebhookSender webhooks) {
        this.monitor = monitor;
        this.recorder = recorder;
        this.endpoint = endpoint;
        this.sender = sender;
        this.webhooks = webhooks;
    }

    /**
     * Binds the endpoint (failing before anything else starts when it cannot), then starts polling.
     *
     * @throws IOException when the configured address cannot be bound, with the address in the message
     */
    public static ServiceWiring start(FleetDeckConfig config, String version) throws IOException {
        ServiceSettings s = config.service();
        ServiceEndpoint endpoint;
        try {
            endpoint = new ServiceEndpoint(s.host(), s.port(), s.tenantMetrics(), version,
                    Wiring.sourceLabel(config), Clock.systemUTC());
        } catch (IOException e) {
            throw new IOException("cannot listen on " + s.host() + ":" + s.port() + " (service.listen): "
                    + e.getMessage(), e);
        }
        FleetMonitor monitor = Wiring.desktopMonitor(config);
        Recorder recorder = Wiring.recorder(config).orElse(null);
        AlertmanagerSender sender = s.alertmanagers().isEmpty() ? null
                : new AlertmanagerSender(s.alertmanagers(), s.resendEvery(), Clock.systemUTC());
        monitor.addFrameListener(endpoint);
        if (recorder != null) {
            monitor.addFrameListener(recorder);
        }
        WebhookSender webhooks = s.webhooks().isEmpty() ? null
                : new WebhookSender(s.webhooks(), s.webhookEvery(), Clock.systemUTC());
        if (sender != null) {
            monitor.addFrameListener(sender);
            sender.onSilencedThere(there -> {
                // Someone silenced one of our alerts in Alertmanager: FleetDeck holds it silenced as long.
                LOG.log(System.Logger.Level.INFO, "alert " + there.alertKey().replace('|', ' ')
                        + " silenced in Alertmanager by " + there.createdBy() + " until " + there.until()
                        + (there.comment().isBlank() ? "" : " (" + there.comment() + ")"));
                monitor.silenceElsewhere(there.alertKey(), there.until(), by(there));
            });
        }
        if (webhooks != null) {
            monitor.addFrameListener(webhooks);
        }
        monitor.addFrameListener(new StateLog());
        monitor.start();
        ServiceWiring wiring = new ServiceWiring(monitor, recorder, endpoint, sender, webhooks);
        wiring.external = Wiring.externalAlerts(config, monitor).orElse(null);
        return wiring;
    }

    /** The port the endpoint listens on. */
    public int port() {
        return endpoint.port();
    }

    public Optional<Recorder> recorder() {
        return Optional.ofNullable(recorder);
    }

    /** How a silence made in Alertmanager is named on FleetDeck's alert. */
    static String by(AlertmanagerSender.SilencedThere there) {
        return "Alertmanager: " + there.createdBy() + (there.comment().isBlank() ? "" : ", " + there.comment());
    }

    /** Logs what changed between frames: sources' states and alerts firing or resolving. Assembler thread. */
    private static final class StateLog implements Consumer<FleetFrame> {
        private final Map<String, ProviderState> states = new HashMap<>();
        private Set<String> firing = Set.of();

        @Override
        public void accept(FleetFrame frame) {
            for (ProviderStatus p : frame.providers()) {
                ProviderState was = states.put(p.name(), p.state());
                if (was != p.state()) {
                    LOG.log(p.state().isTrouble() ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                            "source " + p.name() + ": " + (was == null ? "" : was.name().toLowerCase() + " → ")
                                    + p.state().name().toLowerCase()
                                    + p.lastError().map(e -> " (" + e + ")").orElse(""));
                }
            }
            Set<String> now = new HashSet<>();
            for (Alert a : frame.alerts().firing()) {
                now.add(a.key());
                if (!firing.contains(a.key())) {
                    LOG.log(System.Logger.Level.WARNING, "alert firing: " + a.rule() + " on " + a.group() + ": "
                            + a.summary() + " (" + a.value() + ")");
                }
            }
            for (String key : firing) {
                if (!now.contains(key)) {
                    LOG.log(System.Logger.Level.INFO, "alert resolved: " + key.replace('|', ' '));
                }
            }
            firing = now;
        }
    }

    /** Stops polling, delivers pending alerts (briefly), seals the recording, closes the endpoint. */
    @Override
    public void close() {
        if (external != null) {
            external.close();
        }
        monitor.close();
        if (sender != null) {
            sender.close();
        }
        if (webhooks != null) {
            webhooks.close();
        }
        if (recorder != null) {
            recorder.close();
        }
        endpoint.close();
    }
}
