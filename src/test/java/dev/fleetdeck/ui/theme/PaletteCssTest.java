package dev.fleetdeck.ui.theme;

import dev.fleetdeck.model.Health;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The health colours tiles use (Java) are the ones the stylesheet defines (CSS): one colour language. */
class PaletteCssTest {
    @Test
    void javaPaletteMatchesTheStylesheet() throws Exception {
        String css = Files.readString(Path.of("styles/fleetdeck-dark.css"));
        Map<String, Color> defined = new HashMap<>();
        Matcher m = Pattern.compile("(-fd-[a-z-]+):\\s*(#[0-9a-fA-F]{6})").matcher(css);
        while (m.find()) {
            defined.put(m.group(1), Color.web(m.group(2)));
        }
        for (Health h : Health.values()) {
            Color css1 = defined.get("-fd-health-" + h.label());
            assertNotNull(css1, "stylesheet defines -fd-health-" + h.label());
            assertEquals(css1, Palette.of(h), "colour of " + h);
        }
        assertEquals(defined.get("-fd-background"), Palette.BACKGROUND);
        assertEquals(defined.get("-fd-surface"), Palette.SURFACE);
        assertEquals(defined.get("-fd-text"), Palette.TEXT);
        assertEquals(defined.get("-fd-text-muted"), Palette.TEXT_MUTED);
        assertEquals(defined.get("-fd-accent"), Palette.ACCENT);
        assertNotNull(PaletteCssTest.class.getResource("/styles/fleetdeck-dark.css"), "the stylesheet is packaged");
    }
}
