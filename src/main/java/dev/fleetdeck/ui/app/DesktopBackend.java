package dev.fleetdeck.ui.app;

import dev.fleetdeck.config.ConfigEdit;
import dev.fleetdeck.config.ConfigError;
import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.OptionForms;
import dev.fleetdeck.model.ShowroomSettings;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.alerts.Alert;
import dev.fleetdeck.ui.common.AlertActions;
import dev.fleetdeck.ui.settings.ConnectionTester;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the window needs from the wired back end, and nothing more: the composition root ({@code dev.fleetdeck.app})
 * builds the providers, polling, engines, configuration watching and hot reload, and hands the window this. The
 * window builds none of it.
 */
public interface DesktopBackend extends AutoCloseable {
    /** What is shown, e.g. "built-in simulated fleet" or the configuration file. */
    String sourceLabel();

    /** The overview's header line (on the built-in fleet it says where real sources go). */
    String header();

    /** The showroom's branding and content of the configuration in force. */
    ShowroomSettings showroom();

    /** How often desktop notifications may pop up at most. */
    Duration notifyEvery();

    /** The file the settings dialog saves to and hot reload follows. */
    Path configFile();

    /** Where acknowledge and silence go (they return at once; the next frame shows the result). */
    AlertActions alertActions();

    /**
     * Connects the window and starts configuration watching (polling may have started already: the newest frame,
     * if any, is handed over at once). {@code frames} receives every frame and {@code firing} every alert that starts
     * firing, both on the back end's threads; {@code reloads} hears of every configuration change, on the watcher's
     * thread, after a valid one was applied.
     */
    void start(Consumer<FleetFrame> frames, Consumer<Alert> firing, ReloadListener reloads);

    /** Reads the configuration file for the settings dialog. Blocks: call off the FX thread. */
    SettingsAccess openSettings() throws IOException, ConfigException;

    /** Stops every thread the back end runs. */
    @Override
    void close();

    /**
     * What stops the flight recorder now ("disk full: recording paused …"), or empty while it records or is off.
     * Any thread; cheap (read on every frame).
     */
    default java.util.Optional<String> recordingProblem() {
        return java.util.Optional.empty();
    }

    /** The recording the timeline travels in, if there is one. */
    default java.util.Optional<dev.fleetdeck.service.recording.TimeMachine> timeMachine() {
        return java.util.Optional.empty();
    }

    /** The window has drawn its first frame with fleet data: work held back for a fast start may begin. FX thread. */
    default void firstFrameShown() {
    }

    /** False for a replay: nothing is polled, there is no "now" to go back to. */
    default boolean hasPresent() {
        return replayPlan().isEmpty();
    }

    /** For a replay: where it starts, how fast it plays, whether it loops. */
    default java.util.Optional<ReplayPlan> replayPlan() {
        return java.util.Optional.empty();
    }

    /** The file opened for editing, the option forms of every provider type, and Test connection. */
    record SettingsAccess(ConfigEdit edit, OptionForms forms, ConnectionTester tester) {
    }

    /** Hears of configuration changes (on the watcher's thread). */
    interface ReloadListener {
        /** A valid edit was applied to the running back end. */
        void applied(String text);

        /** An edit was refused; the running configuration stays. */
        void rejected(String file, List<ConfigError> errors);
    }
}
