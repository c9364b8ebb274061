package dev.fleetdeck.config;

import dev.fleetdeck.model.Redaction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers where it was written, so every error can name file, line and column.
 */
public sealed interface ConfigNode {

    /** Where the value starts. */
    ConfigLocation location();

    /** A short word for messages: "a mapping", "a list", "text". */
    String kind();

    /** A scalar as written (numbers and booleans too); {@code null} in YAML gives {@code text == null}. */
    record Scalar(String text, ConfigLocation location) implements ConfigNode {
        @Override
        public String kind() {
            return text == null ? "null" : Redaction.quote(text);
        }
    }

    /** A mapping with its keys in file order. */
    record Mapping(Map<String, Entry> entries, ConfigLocation location) implements ConfigNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A list. */
    record Sequence(List<ConfigNode> items, ConfigLocation location) implements ConfigNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping entry: where its key was written, and its value. */
    record Entry(ConfigLocation keyLocation, ConfigNode value) {
    }
}
