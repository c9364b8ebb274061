package dev.fleetdeck.cli;

import dev.fleetdeck.config.MomentText;
import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.recording.Recording;
import dev.fleetdeck.service.recording.RecordingException;
import dev.fleetdeck.model.RecordingSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** {@code --at TIME [--recording FILE]}: a command shows the fleet as it was instead of polling it now. */
final class PastOption {
    @Option(names = "--at", paramLabel = "TIME", description = "show the fleet as it was at TIME, from a recording: "
            + MomentText.FORMS)
    String at;

    @Option(names = "--recording", paramLabel = "PATH", description = "the recording for --at: a file from `record`"
            + " or a directory of segments (default: the user's store, $XDG_DATA_HOME/fleetdeck/recordings)")
    Path recording;

    boolean wanted() {
        return at != null;
    }

    /**
     * The frame recorded at or before {@code --at}.
     *
     * @throws RecordingException when the recording cannot be read or does not reach that moment (the message names
     *                            the recording and its span)
     */
    FleetFrame frame(CommandSpec spec, AlertSettings alerts) {
        Instant moment = MomentText.parse(at, Clock.systemUTC(), ZoneId.systemDefault())
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "--at must be " + MomentText.FORMS
                        + ", not '" + at + "'"));
        Path path = recording != null ? recording : RecordingSettings.defaultDirectory();
        try (Recording rec = Recording.open(path, alerts)) {
            return rec.frameAt(moment);
        }
    }

    /** How the source is named in output: plainly the past, with the moment (UTC) and its age. */
    String label(FleetFrame frame) {
        Instant t = frame.snapshot().takenAt();
        return "recorded " + java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm:ss 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(t) + " · "
                + dev.fleetdeck.model.Units.age(java.time.Duration.between(t, Instant.now())) + " ago";
    }
}
