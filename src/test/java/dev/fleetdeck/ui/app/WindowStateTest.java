package dev.fleetdeck.ui.app;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window comes back where it was left, and never off screen. */
class WindowStateTest {
    private static final Rectangle2D PRIMARY = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D RIGHT = new Rectangle2D(1920, 0, 2560, 1400);

    @Test
    void roundTripAndBadFilesAreIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fleetdeck/window.properties");
        assertEquals(Optional.empty(), WindowState.load(file));
        WindowState s = new WindowState(100, 80, 1600, 900, false, "heatmap", "light", 1.0);
        s.save(file);
        assertEquals(Optional.of(s), WindowState.load(file));
        WindowState zoomed = new WindowState(100, 80, 1600, 900, false, "heatmap", "light", 1.3);
        zoomed.save(file);
        assertEquals(1.3, WindowState.load(file).orElseThrow().zoom(), 1e-9, "the type zoom is kept");
        Files.writeString(file, "x=1\ny=2\nwidth=1600\nheight=900\nzoom=99\n");
        assertEquals(2.0, WindowState.load(file).orElseThrow().zoom(), 1e-9, "a zoom out of range is brought in");
        Files.writeString(file, "x=1\ny=2\nwidth=1600\nheight=900\n");
        assertEquals(1.0, WindowState.load(file).orElseThrow().zoom(), 1e-9, "an older file without a zoom: 1");
        Files.writeString(file, "x=1\ny=2\nwidth=1600\nheight=900\n");
        assertEquals("dark", WindowState.load(file).orElseThrow().theme(), "an older file without a theme: dark");
        Files.writeString(file, "x=NaN\ny=1\nwidth=1600\nheight=900\n");
        assertEquals(Optional.empty(), WindowState.load(file));
        Files.writeString(file, "x=1\ny=1\nwidth=2\nheight=900\n");
        assertEquals(Optional.empty(), WindowState.load(file), "a 2-pixel window is not a state to restore");
        Files.writeString(file, "garbage without keys");
        assertEquals(Optional.empty(), WindowState.load(file));
        assertEquals(Path.of("/s/fleetdeck/window.properties"),
                WindowState.defaultFile(Map.of("XDG_STATE_HOME", "/s"), "/home/u"));
        assertEquals(Path.of("/home/u/.local/state/fleetdeck/window.properties"),
                WindowState.defaultFile(Map.of(), "/home/u"));
    }

    @Test
    void aWindowLeftOnAnUnpluggedScreenOpensCentredOnThePrimaryOne() {
        WindowState onRight = new WindowState(2200, 100, 2000, 1200, false, "fleet", "dark", 1.0);
        assertEquals(onRight, onRight.fitTo(List.of(PRIMARY, RIGHT)), "the right screen is there: unchanged");
        WindowState fitted = onRight.fitTo(List.of(PRIMARY));
        assertEquals(new WindowState(0, 0, 1920, 1050, false, "fleet", "dark", 1.0), fitted, "centred, no larger than the screen");
        WindowState small = new WindowState(-5000, 50, 800, 500, true, "overview", "high-contrast", 1.0).fitTo(List.of(PRIMARY));
        assertEquals(1024, small.width());
        assertEquals(640, small.height());
        assertTrue(small.x() >= 0 && small.x() + small.width() <= 1920);
        assertTrue(small.maximized());
    }
}
