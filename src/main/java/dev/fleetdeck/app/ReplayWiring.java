package dev.fleetdeck.app;

import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.ShowroomSettings;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.alerts.Alert;
import dev.fleetdeck.service.recording.Recording;
import dev.fleetdeck.service.recording.TimeMachine;
import dev.fleetdeck.ui.app.DesktopBackend;
import dev.fleetdeck.ui.app.FleetDeckApp;
import dev.fleetdeck.ui.app.ReplayPlan;
import dev.fleetdeck.ui.common.AlertActions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The window on a recording ({@code fleetdeck replay FILE}): no source is polled, every view shows the recorded frame
 * at the timeline's cursor, and the timeline has no Live. Acknowledging does nothing (the past cannot be changed);
 * the configuration only supplies the showroom's branding and the alert rules.
 */
public final class ReplayWiring implements DesktopBackend {
    private final Path recording;
    private final FleetDeckConfig config;
    private final ReplayPlan plan;
    private final TimeMachine machine;

    private ReplayWiring(Path recording, FleetDeckConfig config, ReplayPlan plan) {
        this.recording = recording;
        this.config = config;
        this.plan = plan;
        this.machine = new TimeMachine(recording, config.alerts());
    }

    /**
     * @param showroom start full screen in the showroom (leaving it quits)
     * Checks that the recording opens and covers {@code plan.from()}, then opens the window and blocks until it
     * is closed. Main thread.
     *
     * @throws dev.fleetdeck.service.recording.RecordingException when the recording cannot be read or does not
     *                                                           reach the moment (naming it and its span)
     */
    public static void launch(Path recording, FleetDeckConfig config, ReplayPlan plan, boolean showroom,
                              long launchNanos) {
        try (Recording rec = Recording.open(recording, config.alerts())) {
            Recording.Span span = rec.span();
            plan.from().ifPresent(rec::frameAt); // a moment outside the span fails here, before any window
            System.getLogger(ReplayWiring.class.getName()).log(System.Logger.Level.INFO,
                    "replaying " + recording + ": " + span);
        }
        ReplayWiring wiring = new ReplayWiring(recording, config, plan);
        try {
            FleetDeckApp.launch(wiring, showroom, launchNanos);
        } catch (RuntimeException | Error e) {
            wiring.close();
            throw e;
        }
    }

    @Override
    public String sourceLabel() {
        return "replay of " + recording.getFileName();
    }

    @Override
    public String header() {
        return "Replay of " + recording.toAbsolutePath() + " · nothing is polled";
    }

    @Override
    public ShowroomSettings showroom() {
        return config.showroom();
    }

    @Override
    public Duration notifyEvery() {
        return config.alerts().notifyEvery();
    }

    @Override
    public Path configFile() {
        return Path.of(config.source());
    }

    @Override
    public AlertActions alertActions() {
        return AlertActions.NONE;
    }

    @Override
    public void start(Consumer<FleetFrame> frames, Consumer<Alert> firing, ReloadListener reloads) {
        // Nothing live: every frame comes from the time machine through the timeline.
    }

    @Override
    public SettingsAccess openSettings() throws IOException, ConfigException {
        throw new IOException("a replay has no settings to edit; open the dashboard without 'replay' to change them");
    }

    @Override
    public Optional<TimeMachine> timeMachine() {
        return Optional.of(machine);
    }

    @Override
    public Optional<ReplayPlan> replayPlan() {
        return Optional.of(plan);
    }

    @Override
    public void close() {
        machine.close();
    }
}
