package dev.fleetdeck.ui.settings;

import dev.fleetdeck.config.ConfigDocument;
import dev.fleetdeck.config.ConfigException;

/** Parses a YAML fragment typed into a structured field into {@link dev.fleetdeck.config.ConfigTree} values. */
final class YamlValues {
    private YamlValues() {
    }

    /** The value, or the text itself when it is not valid YAML (validation then names the problem). */
    static Object parse(String text) {
        try {
            return ConfigDocument.parse("v:\n" + text.lines().map(l -> "  " + l + "\n")
                    .reduce("", String::concat), "field").tree().get("v");
        } catch (ConfigException e) {
            return text;
        }
    }
}
