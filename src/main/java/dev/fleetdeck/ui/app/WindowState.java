package dev.fleetdeck.ui.app;

import dev.fleetdeck.ui.common.TypeScale;
import dev.fleetdeck.ui.theme.Theme;
import javafx.geometry.Rectangle2D;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The window as the user left it: position, size, maximised, the view on screen, the colour theme and the type zoom
 * (Ctrl + / Ctrl −). Kept in
 * {@code $XDG_STATE_HOME/fleetdeck/window.properties} (else {@code ~/.local/state/fleetdeck/}), written atomically;
 * an unreadable or nonsensical file is ignored. A window that would open off every screen (a monitor unplugged)
 * opens centred on the primary one instead.
 */
public record WindowState(double x, double y, double width, double height, boolean maximized, String view,
                          String theme, double zoom) {
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 640;
    private static final System.Logger LOG = System.getLogger(WindowState.class.getName());

    /** The default file for this process's environment. */
    public static Path defaultFile() {
        return defaultFile(System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultFile(Map<String, String> env, String home) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(home, ".local", "state");
        return base.resolve("fleetdeck").resolve("window.properties");
    }

    /** The saved state, or empty when there is none or it cannot be used. */
    public static Optional<WindowState> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (Files.size(file) > 4096) {
                throw new IOException("larger than 4 KiB");
            }
            Properties p = new Properties();
            p.load(in);
            WindowState s = new WindowState(Double.parseDouble(p.getProperty("x")),
                    Double.parseDouble(p.getProperty("y")), Double.parseDouble(p.getProperty("width")),
                    Double.parseDouble(p.getProperty("height")), Boolean.parseBoolean(p.getProperty("maximized")),
                    p.getProperty("view", "overview"), p.getProperty("theme", Theme.DARK.key()),
                    TypeScale.clampZoom(Double.parseDouble(p.getProperty("zoom", "1"))));
            if (!Double.isFinite(s.x) || !Double.isFinite(s.y) || !(s.width >= MIN_WIDTH / 2)
                    || !(s.height >= MIN_HEIGHT / 2) || s.width > 100_000 || s.height > 100_000) {
                throw new IOException("position or size out of range");
            }
            return Optional.of(s);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring the saved window state {0}: {1}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes the state (temp file, then rename); a failure is logged, not thrown. */
    public void save(Path file) {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(x));
        p.setProperty("y", Double.toString(y));
        p.setProperty("width", Double.toString(width));
        p.setProperty("height", Double.toString(height));
        p.setProperty("maximized", Boolean.toString(maximized));
        p.setProperty("view", view);
        p.setProperty("theme", theme);
        p.setProperty("zoom", Double.toString(zoom));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "FleetDeck window state");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save the window state to {0}: {1}", file, e.getMessage());
        }
    }

    /**
     * This state made usable on the given screens: at least 200 × 100 pixels of the window on one screen, at most the
     * size of the screen it is on, at least the minimum size; else centred on the first (primary) screen.
     */
    public WindowState fitTo(List<Rectangle2D> screens) {
        for (Rectangle2D s : screens) {
            double visibleW = Math.min(x + width, s.getMaxX()) - Math.max(x, s.getMinX());
            double visibleH = Math.min(y + height, s.getMaxY()) - Math.max(y, s.getMinY());
            if (visibleW >= 200 && visibleH >= 100) {
                double w = Math.max(Math.min(width, s.getWidth()), Math.min(MIN_WIDTH, s.getWidth()));
                double h = Math.max(Math.min(height, s.getHeight()), Math.min(MIN_HEIGHT, s.getHeight()));
                return new WindowState(x, Math.max(y, s.getMinY()), w, h, maximized, view, theme, zoom);
            }
        }
        Rectangle2D primary = screens.getFirst();
        double w = Math.min(Math.max(width, MIN_WIDTH), primary.getWidth());
        double h = Math.min(Math.max(height, MIN_HEIGHT), primary.getHeight());
        return new WindowState(primary.getMinX() + (primary.getWidth() - w) / 2,
                primary.getMinY() + (primary.getHeight() - h) / 2, w, h, maximized, view, theme, zoom);
    }
}
