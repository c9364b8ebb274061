package dev.fleetdeck.config;

import dev.fleetdeck.model.SafeText;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

import java.util.Locale;
import java.util.Optional;

/**
 * A YAML syntax error in words a user understands, at the line where the problem is. The parser's own words
 * ("while scanning a simple key … could not find expected ':'") name the place it noticed, which for a missing
 * {@code :} is the key before it; this picks the right mark and says what to do.
 */
final class YamlErrors {
    private YamlErrors() {
    }

    static ConfigError describe(String source, MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String p = problem.toLowerCase(Locale.ROOT);
        Optional<Mark> problemMark = e.getProblemMark();
        Optional<Mark> contextMark = e.getContextMark();
        String words;
        Optional<Mark> where = problemMark;
        if (p.contains("could not find expected ':'")) {
            // The scanner gives up at the line after the key; the key itself is where the ':' is missing.
            where = contextMark.or(() -> problemMark);
            words = "missing ':' after " + key(where) + " (write key: value)";
        } else if (p.contains("mapping values are not allowed")) {
            words = "unexpected ':' here: a value that contains ': ' must be quoted, or the line above is missing "
                    + "its ':' or is indented differently";
        } else if (p.contains("found character '\\t'") || p.contains("found character '\t'")
                || (p.contains("cannot start any token") && p.contains("\\t"))) {
            words = "a tab character: YAML is indented with spaces only";
        } else if (p.contains("found undefined alias") || p.startsWith("found undefined")) {
            words = "the alias " + SafeText.of(problem.replaceAll("(?i).*alias ", "*")) + " is not defined: an anchor "
                    + "(&name) must come before its alias (*name)";
        } else if (p.contains("expected <block end>") || p.contains("expected <block mapping end>")
                || p.contains("block sequence entries are not allowed")) {
            words = "the indentation does not match the lines above (keys of one mapping line up exactly)";
        } else if (p.contains("found unexpected end of stream") || p.contains("found unexpected end")) {
            words = "the file ends inside a quoted value or a [list] or {mapping}: a closing quote or bracket is "
                    + "missing" + (contextMark.isPresent() ? " (it opens at line " + (contextMark.get().getLine() + 1)
                    + ")" : "");
        } else if (p.contains("expected ',' or ']'") || p.contains("expected ',' or '}'")) {
            boolean list = p.contains("']'");
            words = "a " + (list ? "[list" : "{mapping") + (contextMark.isPresent() ? " opened at line "
                    + (contextMark.get().getLine() + 1) : "") + " is not closed with '" + (list ? "]" : "}")
                    + "', or its items lack a ','";
        } else if (p.contains("number of aliases") || p.contains("too many aliases")) {
            words = "too many aliases (more than " + YamlTreeReader.MAX_ALIASES + "): refused as a 'billion laughs' "
                    + "document";
        } else if (p.contains("recursive")) {
            words = "an alias refers to the collection it is in (a recursive alias)";
        } else if (p.contains("found duplicate anchor")) {
            words = "the same anchor is defined twice";
        } else {
            words = "not valid YAML: " + SafeText.of(firstLine(problem.isEmpty() ? context : problem));
        }
        Mark m = where.orElse(null);
        ConfigLocation at = m == null ? new ConfigLocation(source, 0, 0)
                : new ConfigLocation(source, m.getLine() + 1, m.getColumn() + 1);
        return new ConfigError(at, "", words);
    }

    /** The text at a mark up to the end of its line, quoted ("'interval 2s'"), or "the key". */
    private static String key(Optional<Mark> mark) {
        if (mark.isEmpty() || mark.get().getBuffer() == null) {
            return "the key";
        }
        int[] buf = mark.get().getBuffer();
        int i = mark.get().getPointer();
        StringBuilder out = new StringBuilder();
        while (i >= 0 && i < buf.length && buf[i] != '\n' && buf[i] != '\r' && buf[i] != 0 && out.length() < 40) {
            out.appendCodePoint(buf[i++]);
        }
        String text = out.toString().strip();
        return text.isEmpty() ? "the key" : "'" + SafeText.of(text) + "'";
    }

    /** An error without a place (the alias limit, the size limit) in words. */
    static String unmarked(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("number of aliases")) {
            return "more than " + YamlTreeReader.MAX_ALIASES + " aliases of lists or mappings: refused as a "
                    + "'billion laughs' document";
        }
        if (m.contains("non scalar key")) {
            return "a key must be a plain word, not a list or mapping";
        }
        if (m.contains("code point") && m.contains("limit")) {
            return "the document is larger than FleetDeck reads";
        }
        return "not valid YAML: " + SafeText.of(firstLine(message));
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
