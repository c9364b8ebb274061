package dev.fleetdeck.model;

/**
 * Text from outside (an API's item name, a command's output, a server's error body) made safe to show and print:
 * control characters (C0 and C1, including ESC and so terminal escape sequences), bidirectional overrides and
 * isolates, zero-width and other invisible format characters, and unpaired surrogates are written as visible
 * escapes ({@code \u001B}, {@code \u202E}), so a hostname can neither recolour a terminal, reorder a line nor hide
 * what it says. Clean text (the usual case) is returned as it is, without copying.
 */
public final class SafeText {
    private SafeText() {
    }

    /** The text with every unsafe character escaped; {@code null} stays {@code null}. */
    public static String of(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i);
                if (Character.getType(cp) == Character.FORMAT) {
                    out.append(String.format("\\u{%X}", cp));
                } else {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (unsafe(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether the text has nothing to escape. */
    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                        || Character.getType(text.codePointAt(i)) == Character.FORMAT) {
                    return false;
                }
                i++;
            } else if (unsafe(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean unsafe(char c) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return true;
        }
        if (c < 0xa0) {
            return false;
        }
        return Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT
                || c == 0x2028 || c == 0x2029;
    }
}
