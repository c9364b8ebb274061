package dev.fleetdeck;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the layer arrows pointing down (docs/decisions/0003): model, provider, service and config never touch
 * JavaFX; model depends on nothing of ours; nothing below ui/cli imports them.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("src/main/java/dev/fleetdeck");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    private static List<String> violations(String layer, Pattern forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        Path dir = ROOT.resolve(layer);
        assertTrue(Files.isDirectory(dir), "layer folder missing: " + dir);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                var m = IMPORT.matcher(text);
                while (m.find()) {
                    if (forbidden.matcher(m.group(2)).lookingAt()) {
                        found.add(file + " imports " + m.group(2));
                    }
                }
                // Fully qualified uses bypass imports; catch them too.
                if (forbidden.pattern().contains("javafx") && text.contains("javafx.")) {
                    found.add(file + " mentions javafx.");
                }
            }
        }
        return found;
    }

    @Test
    void lowerLayersDoNotUseJavaFx() throws IOException {
        Pattern fx = Pattern.compile("javafx\\.|eu\\.hansolo\\.|org\\.controlsfx\\.");
        for (String layer : List.of("model", "provider", "service", "config")) {
            assertEquals(List.of(), violations(layer, fx), layer + " must stay free of JavaFX");
        }
    }

    @Test
    void modelDependsOnNothingOfOurs() throws IOException {
        Pattern ours = Pattern.compile("dev\\.fleetdeck\\.(provider|service|config|ui|cli)\\.");
        assertEquals(List.of(), violations("model", ours));
    }

    @Test
    void onlyUiAndCliSitOnTop() throws IOException {
        Pattern top = Pattern.compile("dev\\.fleetdeck\\.(ui|cli)\\.");
        for (String layer : List.of("model", "provider", "service", "config")) {
            assertEquals(List.of(), violations(layer, top), layer + " must not depend on ui or cli");
        }
        assertEquals(List.of(), violations("ui", Pattern.compile("dev\\.fleetdeck\\.cli\\.")), "ui must not depend on cli");
    }

    @Test
    void providersAndServiceDoNotUseEachOtherUpwards() throws IOException {
        assertEquals(List.of(), violations("provider", Pattern.compile("dev\\.fleetdeck\\.(service|config)\\.")));
        assertEquals(List.of(), violations("service", Pattern.compile("dev\\.fleetdeck\\.config\\.")));
    }
}
