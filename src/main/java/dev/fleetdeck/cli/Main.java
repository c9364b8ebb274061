package dev.fleetdeck.cli;

import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.model.Redaction;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * FleetDeck's single entry point, on picocli: without a command it opens the dashboard; the commands are the
 * subcommands of {@link RootCommand}, each with its own generated {@code --help}. Exit codes: 0 success, 1 the command
 * failed, 2 a usage or configuration error.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

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
            configureLogging(args.contains("--verbose") || isUi(args.toArray(String[]::new)));
            return commandLine(cleanOut, cleanErr).execute(args.toArray(String[]::new));
        } finally {
            cleanOut.flush();
            cleanErr.flush();
        }
    }

    /** The command tree, printing to these streams. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new RootCommand(out, err));
        cli.setUsageHelpWidth(110);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, line, parsed) -> failed(e, line, err));
        return cli;
    }

    /** A wrong command line: one line saying what is wrong, a hint to --help, exit code 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("fleetdeck: " + UsageText.message(e));
        String name = line.getCommandSpec().qualifiedName();
        err.println("Run '" + name + " --help' for usage.");
        err.flush();
        return USAGE;
    }

    private static int failed(Exception e, CommandLine line, PrintStream err) throws Exception {
        if (e instanceof ConfigException ce) {
            err.println("fleetdeck: the configuration has " + ce.errors().size()
                    + (ce.errors().size() == 1 ? " error:" : " errors:"));
            ce.errors().forEach(x -> err.println("  " + x));
            return USAGE;
        }
        if (e instanceof dev.fleetdeck.ui.app.NoWindowException nw) {
            err.println("fleetdeck: " + nw.getMessage());
            return 1;
        }
        throw e;
    }

    /** Log records with every known secret removed, whatever logged them (a message, an exception, its causes). */
    static final class ScrubbingFormatter extends SimpleFormatter {
        @Override
        public String format(LogRecord record) {
            return Redaction.scrub(super.format(record));
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
