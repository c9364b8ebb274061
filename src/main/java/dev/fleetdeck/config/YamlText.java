package dev.fleetdeck.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link ConfigTree} value as block-style YAML: two-space indents, lists of mappings as {@code - key: …},
 * scalars plain when that reads back as the same text, double-quoted otherwise. Deterministic, so an unchanged
 * value always renders the same.
 */
public final class YamlText {
    /** Text YAML reads back unchanged without quotes (and not as a number-like or boolean-like surprise). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./$+][A-Za-z0-9_./~$@+ ()=,:*-]*");
    private static final Pattern RESERVED = Pattern.compile(
            "(?i)(null|~|true|false|yes|no|on|off|y|n|\\.inf|-\\.inf|\\.nan)");

    private YamlText() {
    }

    /** A mapping as a document (no leading {@code ---}), ending with a newline. */
    public static String document(Map<String, Object> root) {
        StringBuilder out = new StringBuilder();
        mapping(out, root, 0);
        return out.toString();
    }

    /** One top-level entry, e.g. {@code alerts:\n  idle-below: 5\n}. */
    static String entry(String key, Object value) {
        StringBuilder out = new StringBuilder(key(key)).append(':');
        value(out, value, 0);
        return out.toString();
    }

    /** One list item at the given indent, e.g. {@code   - name: a\n     type: b\n}. */
    static String listItem(Object value, int indent) {
        StringBuilder out = new StringBuilder();
        item(out, value, indent);
        return out.toString();
    }

    /** A scalar as it would be written after {@code key: }. */
    public static String scalar(String text) {
        if (text == null) {
            return "null";
        }
        boolean numberLike = isNumber(text);
        if (!text.isEmpty() && (numberLike || (PLAIN.matcher(text).matches() && !RESERVED.matcher(text).matches()
                && !text.contains(": ") && !text.endsWith(":") && !text.endsWith(" ")))) {
            return text;
        }
        return quoted(text);
    }

    private static String quoted(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    private static boolean isNumber(String text) {
        return text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    }

    private static String key(String key) {
        return PLAIN.matcher(key).matches() && !key.contains(":") ? key : quoted(key);
    }

    @SuppressWarnings("unchecked")
    private static void mapping(StringBuilder out, Map<String, Object> map, int indent) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            out.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
            value(out, e.getValue(), indent);
        }
    }

    /** Writes what follows {@code key:} — inline for scalars and empty collections, on new lines otherwise. */
    @SuppressWarnings("unchecked")
    private static void value(StringBuilder out, Object v, int indent) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append('\n');
            mapping(out, (Map<String, Object>) m, indent + 2);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            if (l.stream().allMatch(x -> x == null || x instanceof String) && inlineWidth(l) <= 80) {
                out.append(" [");
                for (int i = 0; i < l.size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(flowScalar((String) l.get(i)));
                }
                out.append("]\n");
            } else {
                out.append('\n');
                for (Object item : l) {
                    item(out, item, indent + 2);
                }
            }
        } else if (v instanceof Map<?, ?>) {
            out.append(" {}\n");
        } else if (v instanceof List<?>) {
            out.append(" []\n");
        } else {
            out.append(' ').append(scalar((String) v)).append('\n');
        }
    }

    private static int inlineWidth(List<?> l) {
        return l.stream().mapToInt(x -> flowScalar((String) x).length() + 2).sum();
    }

    /** Inside {@code [ … ]} commas and brackets also need quotes. */
    private static String flowScalar(String text) {
        String s = scalar(text);
        return !s.startsWith("\"") && (s.contains(",") || s.contains("[") || s.contains("]")) ? quoted(text) : s;
    }

    @SuppressWarnings("unchecked")
    private static void item(StringBuilder out, Object item, int indent) {
        String pad = " ".repeat(indent);
        if (item instanceof Map<?, ?> m && !m.isEmpty()) {
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                out.append(first ? pad + "- " : pad + "  ").append(key(e.getKey())).append(':');
                value(out, e.getValue(), indent + 2);
                first = false;
            }
        } else if (item instanceof List<?> l && !l.isEmpty()) {
            out.append(pad).append("-\n");
            for (Object inner : l) {
                item(out, inner, indent + 2);
            }
        } else {
            out.append(pad).append("-");
            value(out, item, indent);
        }
    }
}
