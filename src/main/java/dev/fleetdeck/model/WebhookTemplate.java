package dev.fleetdeck.model;

import java.util.Map;

/**
 * A JSON body for a webhook, written by the user with placeholders: {@code {{title}}}, {@code {{text}}} and
 * {@code {{severity}}} are replaced by JSON-escaped text (so they go inside quotes: {@code "title": "{{title}}"}),
 * {@code {{count}}} by a number and {@code {{alerts}}} by a JSON array of the alerts. Any thread.
 */
public final class WebhookTemplate {
    /** The placeholders a template may use. */
    public static final java.util.List<String> PLACEHOLDERS = java.util.List.of("title", "text", "severity", "count",
            "alerts");

    private WebhookTemplate() {
    }

    /**
     * @param text   values for the text placeholders (escaped here)
     * @param count  the number of alerts
     * @param alerts a JSON array, inserted as it is
     */
    public static String render(String template, Map<String, String> text, int count, String alerts) {
        String out = template;
        for (Map.Entry<String, String> e : text.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", escape(e.getValue()));
        }
        return out.replace("{{count}}", Integer.toString(count)).replace("{{alerts}}", alerts);
    }

    /** Text made safe inside a JSON string: quotes, backslashes and control characters escaped. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
