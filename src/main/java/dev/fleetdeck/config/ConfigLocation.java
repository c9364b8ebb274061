package dev.fleetdeck.config;

/**
 * Where something is in a configuration file.
 *
 * @param source file name (or {@code <built-in default>})
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record ConfigLocation(String source, int line, int column) {
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
