package dev.fleetdeck.config;

/**
 * One problem in a configuration file.
 *
 * @param location file, line and column
 * @param path     key path such as {@code providers[1].options.nodes}; empty for the document itself
 * @param message  what is wrong, in one line
 */
public record ConfigError(ConfigLocation location, String path, String message) {
    /** "fleet.yaml:12:14: providers[0].interval: not a duration …". */
    @Override
    public String toString() {
        return location + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
