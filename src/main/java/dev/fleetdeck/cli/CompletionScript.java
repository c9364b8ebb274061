package dev.fleetdeck.cli;

import picocli.AutoComplete;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the bash completion script of the command tree (zsh loads it too, after {@code autoload -U bashcompinit &&
 * bashcompinit}). The build runs it at {@code package}: {@code target/completion/fleetdeck.bash}.
 */
public final class CompletionScript {
    private CompletionScript() {
    }

    /** The script's text. */
    static String text() {
        PrintStream sink = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return AutoComplete.bash("fleetdeck", Main.commandLine(sink, sink));
    }

    /** {@code CompletionScript FILE}: writes the script to FILE. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/completion/fleetdeck.bash");
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, text(), StandardCharsets.UTF_8);
    }
}
