package dev.fleetdeck.cli;

import dev.fleetdeck.app.Wiring;
import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.DurationText;
import dev.fleetdeck.config.FleetDeckConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code check-config FILE}: validates a configuration and prints every error, or a summary when it is valid. */
@Command(name = "check-config", mixinStandardHelpOptions = true, versionProvider = BuildInfo.Version.class,
        description = "Validate a configuration file and print every error as file:line:column: key.path: message.")
final class CheckConfigCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "the configuration file")
    String file;

    @Option(names = "--config", paramLabel = "FILE", description = "the same, as an option")
    String config;

    @Mixin
    RootCommand.VerboseOption verbose;

    @Override
    public Integer call() throws ConfigException {
        Optional<String> path = Optional.ofNullable(file).or(() -> Optional.ofNullable(config));
        if (path.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "check-config needs a file: check-config FILE");
        }
        try (FleetDeckConfig loaded = Wiring.loadConfig(path)) {
            root.out.println(path.get() + ": valid, " + loaded.providers().size() + " provider"
                    + (loaded.providers().size() == 1 ? "" : "s") + ":");
            loaded.providers().forEach(p -> root.out.println("  " + p.spec().name() + " (" + p.spec().type()
                    + ", every " + DurationText.format(p.spec().interval()) + ", timeout "
                    + DurationText.format(p.spec().timeout()) + ")"));
            return Main.OK;
        }
    }
}
