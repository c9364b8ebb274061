package dev.fleetdeck.cli;

import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.FleetDeckConfig;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code check-config FILE}: validates a configuration and prints every error, or a summary when it is valid. */
final class CheckConfigCommand {
    private CheckConfigCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws CliArgs.UsageException, ConfigException {
        CliArgs a = CliArgs.parse(args, Set.of("config"), Set.of("verbose"));
        Optional<String> file = a.positional().isEmpty() ? a.value("config") : Optional.of(a.positional().getFirst());
        if (a.positional().size() > 1) {
            throw new CliArgs.UsageException("check-config takes one file");
        }
        if (file.isEmpty()) {
            throw new CliArgs.UsageException("check-config needs a file: check-config FILE");
        }
        try (FleetDeckConfig config = FleetServices.loadConfig(file)) {
            out.println(file.get() + ": valid, " + config.providers().size() + " provider"
                    + (config.providers().size() == 1 ? "" : "s") + ":");
            config.providers().forEach(p -> out.println("  " + p.spec().name() + " (" + p.spec().type() + ", every "
                    + dev.fleetdeck.config.DurationText.format(p.spec().interval()) + ", timeout "
                    + dev.fleetdeck.config.DurationText.format(p.spec().timeout()) + ")"));
            return Main.OK;
        }
    }
}
