package dev.fleetdeck.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration as plain, editable Java values: a mapping is a {@code LinkedHashMap<String, Object>} (file order),
 * a list is an {@code ArrayList<Object>}, a scalar is its text as written ({@code null} for YAML null). The settings
 * dialog edits this form, {@link YamlText} writes it back, and {@link ConfigDocument} splices it into the file.
 */
public final class ConfigTree {
    private ConfigTree() {
    }

    /** A deep, mutable copy of a parsed value. */
    static Object of(ConfigNode node) {
        return switch (node) {
            case ConfigNode.Scalar s -> s.text();
            case ConfigNode.Sequence s -> {
                List<Object> out = new ArrayList<>(s.items().size());
                s.items().forEach(i -> out.add(of(i)));
                yield out;
            }
            case ConfigNode.Mapping m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.entries().forEach((k, e) -> out.put(k, of(e.value())));
                yield out;
            }
        };
    }

    /** A deep, mutable copy of a plain value. */
    @SuppressWarnings("unchecked")
    public static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    /** The mapping under {@code key}, created when absent (or replacing a value that is not a mapping). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mapping(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    /** The list under {@code key}, created when absent. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        List<Object> created = new ArrayList<>();
        parent.put(key, created);
        return created;
    }

    /** The value at a dotted path such as {@code http.read-timeout}, or null. */
    public static Object get(Map<String, Object> root, String dottedPath) {
        Object at = root;
        for (String part : dottedPath.split("\\.")) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(part);
        }
        return at;
    }

    /**
     * Sets the value at a dotted path, creating mappings on the way; a null or blank value removes the key, and
     * mappings left empty by that are removed too.
     */
    public static void put(Map<String, Object> root, String dottedPath, Object value) {
        String[] parts = dottedPath.split("\\.");
        boolean remove = value == null || (value instanceof String s && s.isBlank())
                || (value instanceof List<?> l && l.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty());
        putAt(root, parts, 0, value, remove);
    }

    private static void putAt(Map<String, Object> at, String[] parts, int i, Object value, boolean remove) {
        if (i == parts.length - 1) {
            if (remove) {
                at.remove(parts[i]);
            } else {
                at.put(parts[i], value);
            }
            return;
        }
        if (remove && !(at.get(parts[i]) instanceof Map<?, ?>)) {
            return;
        }
        Map<String, Object> next = mapping(at, parts[i]);
        putAt(next, parts, i + 1, value, remove);
        if (next.isEmpty()) {
            at.remove(parts[i]);
        }
    }
}
