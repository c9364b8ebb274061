package dev.fleetdeck.cli;

import dev.fleetdeck.ui.common.ViewId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's table of views, its command table and the CLI's help all come from the same lists. */
class ReadmeTest {
    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    }

    @Test
    void theTableOfViewsIsTheViewIdEnum() throws IOException {
        StringBuilder want = new StringBuilder("| view | keys | `--view` | what it shows |\n|---|---|---|---|\n");
        for (ViewId v : ViewId.values()) {
            want.append("| ").append(v.title()).append(" | ").append(v.shortcut()).append(" | `").append(v.key())
                    .append("` | ").append(v.description()).append(" |\n");
        }
        String text = readme();
        int from = text.indexOf("<!-- views:begin");
        int to = text.indexOf("<!-- views:end -->");
        assertTrue(from >= 0 && to > from, "the README marks its table of views");
        String block = text.substring(text.indexOf('\n', from) + 1, to);
        assertEquals(want.toString(), block, "regenerate the README's table of views from ViewId");
    }

    @Test
    void theCommandTableAndTheHelpNameEveryCommand() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> commands = Main.commandLine(print, print).getSubcommands().values().stream()
                .filter(c -> !c.getCommandSpec().usageMessage().hidden())
                .map(c -> c.getCommandName()).distinct().filter(n -> !n.equals("help")).toList();
        String text = readme();
        for (String c : commands) {
            assertTrue(text.contains("| `" + c), "the README's command table lists " + c);
        }
        assertEquals(Main.OK, Main.run(List.of("snapshot", "--help"), print, print));
        String help = out.toString(StandardCharsets.UTF_8);
        for (ViewId v : ViewId.values()) {
            assertTrue(help.contains(v.key()), "snapshot --help lists the view " + v.key() + ":\n" + help);
        }
    }

    @Test
    void theCompletionScriptCompletesCommandsAndViews() {
        String script = CompletionScript.text();
        for (String c : List.of("ui", "snapshot", "probe", "check-config", "exporter")) {
            assertTrue(script.contains(c), c);
        }
        assertTrue(script.contains("--view"), "options complete");
        assertTrue(script.contains("showroom") && script.contains("market"), "view names complete");
    }
}
