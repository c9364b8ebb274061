package dev.fleetdeck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What {@code --version} prints: FleetDeck's version and build time (from the build), and the runtime. */
final class BuildInfo {
    private BuildInfo() {
    }

    /** "fleetdeck 0.1.0-SNAPSHOT (built 2026-11-29T18:00:00Z) · Java 25.0.3 (Eclipse Adoptium) · JavaFX 26.0.2 · TilesFX 21.0.9". */
    static String text() {
        Properties p = properties();
        return "fleetdeck " + p.getProperty("version", "unknown") + " (built " + p.getProperty("built", "unknown")
                + ") · Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ") · JavaFX "
                + p.getProperty("javafx", "?") + " · TilesFX " + p.getProperty("tilesfx", "?");
    }

    /** FleetDeck's version alone ("0.1.0-SNAPSHOT"), or "unknown". */
    static String version() {
        return properties().getProperty("version", "unknown");
    }

    private static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/fleetdeck/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // falls through to "unknown"
        }
        return p;
    }

    /** {@code --version} on every command. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return text().split("\n");
        }
    }
}
