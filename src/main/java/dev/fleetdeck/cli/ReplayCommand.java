package dev.fleetdeck.cli;

import dev.fleetdeck.app.ReplayWiring;
import dev.fleetdeck.app.Wiring;
import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.config.MomentText;
import dev.fleetdeck.service.recording.RecordingException;
import dev.fleetdeck.ui.app.ReplayPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code replay FILE}: the dashboard on a recording; no source is polled. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = BuildInfo.Version.class,
        description = "Open the dashboard on a recording (a file from `record` or a directory of segments): every"
                + " view shows the fleet as it was at the timeline's cursor; nothing is polled.")
final class ReplayCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RootCommand.ConfigOption config;

    @Mixin
    RootCommand.VerboseOption verbose;

    @Parameters(paramLabel = "RECORDING", description = "the recording to open")
    Path recording;

    @Option(names = "--at", paramLabel = "TIME", description = "where to start (default: the recording's start): "
            + MomentText.FORMS)
    String at;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "0", description = "play at N× from the start"
            + " (1 to 3600; default: paused)")
    int speed;

    @Option(names = "--loop", description = "start over at the end (a showroom's day on repeat); plays at 60× unless"
            + " --speed says otherwise")
    boolean loop;

    @Option(names = "--showroom", description = "start full screen in the customer-safe showroom")
    boolean showroom;

    @Override
    public Integer call() throws ConfigException {
        long started = System.nanoTime();
        if (!Files.exists(recording)) {
            throw new ParameterException(spec.commandLine(), recording + ": no such recording");
        }
        if (speed < 0 || speed > 3600) {
            throw new ParameterException(spec.commandLine(), "--speed must be 1 to 3600, not " + speed);
        }
        Optional<Instant> from = Optional.ofNullable(at).map(text -> MomentText.parse(text, Clock.systemUTC(),
                ZoneId.systemDefault()).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--at must be " + MomentText.FORMS + ", not '" + text + "'")));
        dev.fleetdeck.app.DesktopWiring.warmUpWindow(); // JavaFX starts while the recording is opened
        FleetDeckConfig loaded = Wiring.loadConfig(config.file());
        loaded.close(); // nothing is polled: the configuration only brings branding and alert rules
        try {
            ReplayWiring.launch(recording, loaded, new ReplayPlan(from, speed == 0 && loop ? 60 : speed, loop),
                    showroom, started);
            return Main.OK;
        } catch (RecordingException e) {
            root.err.println("fleetdeck: " + e.getMessage());
            return Main.FAILED;
        }
    }
}
