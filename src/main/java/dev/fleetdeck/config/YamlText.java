package dev.fleetdeck.config;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link ConfigTree} value as block-style YAML: two-space indents, lists of mappings as {@code - key: …}.
 * Scalars are written by snakeyaml-engine's emitter, which decides whether a text can stay plain and how to quote and
 * escape it; on top of that, words that YAML 1.1 readers take for booleans or null ({@code yes}, {@code off}, …) and
 * text with line breaks are always double-quoted, and decimal numbers stay plain (they are numbers). Deterministic, so
 * an unchanged value always renders the same.
 */
public final class YamlText {
    private static final Pattern RESERVED = Pattern.compile(
            "(?i)(null|~|true|false|yes|no|on|off|y|n|\\.inf|-\\.inf|\\.nan)");
    private static final Dump PLAIN_WHERE_SAFE = dumper(ScalarStyle.PLAIN);
    private static final Dump DOUBLE_QUOTED = dumper(ScalarStyle.DOUBLE_QUOTED);

    private YamlText() {
    }

    private static Dump dumper(ScalarStyle style) {
        return new Dump(DumpSettings.builder().setDefaultScalarStyle(style).setWidth(Integer.MAX_VALUE)
                .setSplitLines(false).build());
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
        if (isNumber(text)) {
            return text;
        }
        if (RESERVED.matcher(text).matches() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return quoted(text);
        }
        String emitted = emit(PLAIN_WHERE_SAFE, text);
        // A block scalar (| or >) cannot follow "key: " on one line; quote instead.
        return emitted.startsWith("|") || emitted.startsWith(">") ? quoted(text) : emitted;
    }

    private static String quoted(String text) {
        return emit(DOUBLE_QUOTED, text);
    }

    /** The emitter's text for one scalar document, without the line break and document end marker after it. */
    private static String emit(Dump dump, String text) {
        String out = dump.dumpToString(text);
        if (out.endsWith("\n...\n")) {
            out = out.substring(0, out.length() - 5);
        }
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }

    private static boolean isNumber(String text) {
        return text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    }

    private static String key(String key) {
        return isNumber(key) ? quoted(key) : scalar(key);
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

    /** Inside {@code [ … ]} commas, brackets and braces also need quotes. */
    private static String flowScalar(String text) {
        String s = scalar(text);
        boolean quotedAlready = s.startsWith("\"") || s.startsWith("'");
        return !quotedAlready && (s.contains(",") || s.contains("[") || s.contains("]") || s.contains("{")
                || s.contains("}")) ? quoted(text) : s;
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
