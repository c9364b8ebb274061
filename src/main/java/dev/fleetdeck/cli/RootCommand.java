package dev.fleetdeck.cli;

import dev.fleetdeck.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code fleetdeck}: the dashboard when no command is given, and the parent of every command. */
@Command(name = "fleetdeck", mixinStandardHelpOptions = true, versionProvider = BuildInfo.Version.class,
        description = "A dashboard for rented GPU fleets. Without a command it opens the dashboard (see 'ui').",
        subcommands = {UiCommand.class, SnapshotCommand.class, ProbeCommand.class, CheckConfigCommand.class,
                ExporterCommand.class, RecordCommand.class, ReplayCommand.class, ExportCommand.class, ServeCommand.class, CommandLine.HelpCommand.class,
                RootCommand.VersionCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  the command failed (e.g. no provider answered)",
                "  2  a usage or configuration error"})
final class RootCommand implements Callable<Integer> {
    final PrintStream out;
    final PrintStream err;

    @Mixin
    ConfigOption config;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--showroom", description = "start full screen in the customer-safe showroom")
    boolean showroom;

    RootCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws ConfigException {
        return UiCommand.run(config.file(), showroom);
    }

    /** {@code --config FILE}, shared by the commands that read a configuration. */
    static final class ConfigOption {
        @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (see README); default: "
                + "~/.config/fleetdeck/config.yaml if it exists ($XDG_CONFIG_HOME honoured), else the built-in "
                + "simulated fleet")
        String file;

        Optional<String> file() {
            return Optional.ofNullable(file);
        }
    }

    /** {@code --verbose}: progress (poll and first-frame timings) on stderr. Read before parsing, see Main. */
    static final class VerboseOption {
        @Option(names = "--verbose", description = "log progress to stderr")
        boolean verbose;
    }

    /** {@code version}: the same as {@code --version}. */
    @Command(name = "version", hidden = true, description = "Print the version, build time and runtime.")
    static final class VersionCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        RootCommand root;

        @Override
        public Integer call() {
            root.out.println(BuildInfo.text());
            return Main.OK;
        }
    }
}
