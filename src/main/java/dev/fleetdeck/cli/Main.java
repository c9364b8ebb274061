package dev.fleetdeck.cli;

import dev.fleetdeck.config.ConfigException;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * FleetDeck's single entry point. Without a command it opens the dashboard; commands: {@code ui}, {@code snapshot},
 * {@code probe}, {@code check-config}. Exit codes: 0 success, 1 the command failed, 2 a usage or configuration error.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage: fleetdeck [COMMAND] [OPTIONS]

            Commands:
              ui            open the dashboard (the default); without --config, ~/.config/fleetdeck/config.yaml
                              if it exists ($XDG_CONFIG_HOME honoured), else the built-in simulated fleet
                              --showroom: start full screen in the customer-safe showroom
              snapshot      render a view to PNG without a display
                              --out FILE.png (required)  --size WxH (1920x1080)
                              --view overview|fleet|heatmap|detail|sources|alerts|showroom
                              --page N (showroom page 1-4)  --node PROVIDER/HOST (detail; default: least healthy)
                              --theme dark|light|high-contrast
                              --polls N (1: snapshots to feed before rendering)
              probe         poll every provider once and print the fleet
                              --format table|json (table)  --summary (JSON without the node list)
              check-config  validate a configuration file and print every error: check-config FILE
              exporter      serve a simulated fleet as dcgm-exporter metrics on 127.0.0.1
                              --nodes N (100)  --port P (9400; 0 = any free port)  --seed S  --gpus-per-node G

            Options for ui, snapshot and probe:
              --config FILE   YAML configuration (see README); default: ~/.config/fleetdeck/config.yaml if it
                              exists, else the built-in simulated fleet
              --verbose       log progress to stderr
              --help          this text
              --version       version, build time and runtime
            """;

    private Main() {
    }

    public static void main(String[] args) {
        // HTTP providers follow the desktop's proxy settings unless the user chose otherwise (-D on the command line).
        if (System.getProperty("java.net.useSystemProxies") == null) {
            System.setProperty("java.net.useSystemProxies", "true");
        }
        int code = run(Arrays.asList(args), System.out, System.err);
        if (code != OK || !isUi(args)) {
            System.exit(code);
        }
    }

    private static boolean isUi(String[] args) {
        return args.length == 0 || args[0].startsWith("--") || args[0].equals("ui");
    }

    /** Runs a command line; returns the exit code. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        // The last filter before the terminal: whatever a command prints passes through the secret scrubber.
        PrintStream cleanOut = ScrubbingOutputStream.wrap(out);
        PrintStream cleanErr = ScrubbingOutputStream.wrap(err);
        try {
            return runCommand(args, cleanOut, cleanErr);
        } finally {
            cleanOut.flush();
            cleanErr.flush();
        }
    }

    private static int runCommand(List<String> args, PrintStream out, PrintStream err) {
        configureLogging(args.contains("--verbose") || isUi(args.toArray(String[]::new)));
        String command = args.isEmpty() || args.getFirst().startsWith("--") ? "ui" : args.getFirst();
        List<String> rest = args.isEmpty() || args.getFirst().startsWith("--") ? args : args.subList(1, args.size());
        if (rest.contains("--help") || command.equals("help")) {
            out.print(USAGE_TEXT);
            return OK;
        }
        if (args.contains("--version") || command.equals("version")) {
            out.println(BuildInfo.text());
            return OK;
        }
        try {
            return switch (command) {
                case "ui" -> UiCommand.run(rest, err);
                case "snapshot" -> SnapshotCommand.run(rest, out, err);
                case "probe" -> ProbeCommand.run(rest, out, err);
                case "check-config" -> CheckConfigCommand.run(rest, out, err);
                case "exporter" -> ExporterCommand.run(rest, out, err);
                default -> throw new CliArgs.UsageException("unknown command '" + command
                        + "'; commands: ui, snapshot, probe, check-config, exporter");
            };
        } catch (CliArgs.UsageException e) {
            err.println("fleetdeck: " + e.getMessage());
            err.println("Run 'fleetdeck --help' for usage.");
            return USAGE;
        } catch (ConfigException e) {
            err.println("fleetdeck: the configuration has " + e.errors().size()
                    + (e.errors().size() == 1 ? " error:" : " errors:"));
            e.errors().forEach(x -> err.println("  " + x));
            return USAGE;
        }
    }

    /** Log records with every known secret removed, whatever logged them (a message, an exception, its causes). */
    static final class ScrubbingFormatter extends java.util.logging.SimpleFormatter {
        @Override
        public String format(java.util.logging.LogRecord record) {
            return dev.fleetdeck.model.Redaction.scrub(super.format(record));
        }
    }

    /**
     * fabric8's informers log every failed list with a stack trace; the Kubernetes provider reports the same failure
     * as its status, in one line. Held here: java.util.logging keeps loggers only weakly.
     */
    private static final Logger FABRIC8_INFORMERS = Logger.getLogger("io.fabric8.kubernetes.client.informers");

    /** One-line log records on stderr; progress (INFO) only when asked for or in the desktop app. */
    private static void configureLogging(boolean verbose) {
        FABRIC8_INFORMERS.setLevel(verbose ? Level.WARNING : Level.OFF);
        if (System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
            Logger root = Logger.getLogger("");
            Level level = verbose ? Level.INFO : Level.WARNING;
            root.setLevel(level);
            for (var handler : root.getHandlers()) {
                handler.setLevel(level);
                handler.setFormatter(new ScrubbingFormatter());
            }
        }
    }
}
