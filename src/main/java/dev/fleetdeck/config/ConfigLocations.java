package dev.fleetdeck.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where FleetDeck looks for its configuration when no {@code --config} is given: the platform's config directory,
 * {@code $XDG_CONFIG_HOME/fleetdeck/config.yaml} on Linux, else {@code ~/.config/fleetdeck/config.yaml}. No file
 * there means the built-in simulated fleet.
 */
public final class ConfigLocations {
    private ConfigLocations() {
    }

    /** The user's config file for this process's environment (it may not exist). */
    public static Path userConfig() {
        return userConfig(System.getenv(), System.getProperty("user.home"));
    }

    /** The user's config file for a given environment and home directory. */
    public static Path userConfig(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(home, ".config");
        return base.resolve("fleetdeck").resolve("config.yaml");
    }
}
