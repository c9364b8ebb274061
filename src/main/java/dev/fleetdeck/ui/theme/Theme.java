package dev.fleetdeck.ui.theme;

import dev.fleetdeck.model.Health;
import javafx.scene.paint.Color;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The colour themes. Views take their colours from the stylesheets' looked-up colours ({@code styles/}); TilesFX tiles,
 * canvases and the heatmap take {@link Color}s, which this enum holds with the same values (ThemeCssTest checks).
 * Dark is the default; light and high contrast load their stylesheet after the dark one, redefining only colours.
 */
public enum Theme {
    DARK("Dark", null, "#0e1116", "#171c24", "#2b3340", "#e6edf3", "#8b98a9", "#58a6ff", "#3fb950", "#e3b341",
            "#f85149", "#8b98a9"),
    LIGHT("Light", "fleetdeck-light.css", "#f3f5f8", "#ffffff", "#d0d7de", "#1f2328", "#59636e", "#0969da", "#1a7f37",
            "#9a6700", "#cf222e", "#59636e"),
    HIGH_CONTRAST("High contrast", "fleetdeck-high-contrast.css", "#000000", "#000000", "#ffffff", "#ffffff",
            "#e0e0e0", "#4cc2ff", "#3fff6b", "#ffd400", "#ff6b6b", "#e0e0e0");

    private final String label;
    private final String stylesheet;
    private final Color background;
    private final Color surface;
    private final Color border;
    private final Color text;
    private final Color textMuted;
    private final Color accent;
    private final Color ok;
    private final Color warn;
    private final Color crit;
    private final Color unknown;

    Theme(String label, String stylesheet, String background, String surface, String border, String text,
          String textMuted, String accent, String ok, String warn, String crit, String unknown) {
        this.label = label;
        this.stylesheet = stylesheet;
        this.background = Color.web(background);
        this.surface = Color.web(surface);
        this.border = Color.web(border);
        this.text = Color.web(text);
        this.textMuted = Color.web(textMuted);
        this.accent = Color.web(accent);
        this.ok = Color.web(ok);
        this.warn = Color.web(warn);
        this.crit = Color.web(crit);
        this.unknown = Color.web(unknown);
    }

    /** Lines between surfaces ({@code -fd-border}). */
    public Color border() {
        return border;
    }

    /**
     * Whether surfaces need a drawn edge to stand out: where a tile is the page's own colour (high contrast), the grid
     * would dissolve without one.
     */
    public boolean outlinesSurfaces() {
        return surface.equals(background);
    }

    /** The stylesheets of this theme, in order (the dark base first). */
    public List<String> stylesheets() {
        List<String> out = new ArrayList<>(List.of(Stylesheets.dark()));
        if (stylesheet != null) {
            URL url = Theme.class.getResource("/styles/" + stylesheet);
            out.add(Objects.requireNonNull(url, "styles/" + stylesheet + " is missing").toExternalForm());
        }
        return out;
    }

    /** The config and state spelling: {@code dark}, {@code light}, {@code high-contrast}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The theme with this key, or DARK. */
    public static Theme of(String key) {
        for (Theme t : values()) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        return DARK;
    }

    /** The next theme, for the switch button. */
    public Theme next() {
        return values()[(ordinal() + 1) % values().length];
    }

    /** The colour of a health value in this theme. */
    public Color of(Health h) {
        return switch (h) {
            case OK -> ok;
            case WARN -> warn;
            case CRIT -> crit;
            case UNKNOWN -> unknown;
        };
    }

    public String label() {
        return label;
    }

    public Color background() {
        return background;
    }

    public Color surface() {
        return surface;
    }

    public Color text() {
        return text;
    }

    public Color textMuted() {
        return textMuted;
    }

    public Color accent() {
        return accent;
    }

    /** The background as opaque ARGB (the heatmap's pixel buffer). */
    public int backgroundArgb() {
        return 0xff000000 | (int) Math.round(background.getRed() * 255) << 16
                | (int) Math.round(background.getGreen() * 255) << 8 | (int) Math.round(background.getBlue() * 255);
    }
}
