package dev.fleetdeck.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/** Usage errors in FleetDeck's words: "unknown option --colour (options here: …)", "unknown command 'x'; …". */
final class UsageText {
    private UsageText() {
    }

    static String message(CommandLine.ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().getFirst();
            if (first.startsWith("-")) {
                String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
                return "unknown option " + name + " (options here: " + String.join(", ", options(spec)) + ")";
            }
            if (spec.parent() == null && !spec.subcommands().isEmpty()) {
                return "unknown command '" + first + "'; commands: " + String.join(", ", commands(spec));
            }
            return "unexpected argument '" + first + "'";
        }
        return e.getMessage();
    }

    private static List<String> options(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            names.add(o.longestName());
        }
        names.sort(null);
        return names;
    }

    private static List<String> commands(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        spec.subcommands().forEach((name, line) -> {
            if (!line.getCommandSpec().usageMessage().hidden() && name.equals(line.getCommandName())) {
                names.add(name);
            }
        });
        return names;
    }
}
