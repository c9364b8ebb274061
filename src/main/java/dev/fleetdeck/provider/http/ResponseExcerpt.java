package dev.fleetdeck.provider.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a response body into a short, safe, one-line excerpt for an error message. */
final class ResponseExcerpt {
    private static final int MAX_CHARS = 160;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]{1,200})</title>", Pattern.CASE_INSENSITIVE);

    private ResponseExcerpt() {
    }

    /** Whether the body is an HTML page (a proxy error, a login page) rather than data. */
    static boolean isHtml(Optional<String> contentType, byte[] body) {
        if (contentType.map(t -> t.toLowerCase(Locale.ROOT).startsWith("text/html")).orElse(false)) {
            return true;
        }
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head");
    }

    /** The page title of an HTML body, if it has one. */
    static Optional<String> htmlTitle(byte[] body) {
        Matcher m = TITLE.matcher(new String(body, 0, Math.min(body.length, 16_384), StandardCharsets.UTF_8));
        return m.find() ? Optional.of(clean(m.group(1))) : Optional.empty();
    }

    /** A short single-line excerpt of any body: control characters removed, length bounded. */
    static String of(Optional<String> contentType, byte[] body) {
        if (body.length == 0) {
            return "empty body";
        }
        if (isHtml(contentType, body)) {
            return "an HTML page" + htmlTitle(body).map(t -> " titled \"" + t + "\"").orElse("");
        }
        return "\"" + clean(new String(body, 0, Math.min(body.length, 4 * MAX_CHARS), StandardCharsets.UTF_8)) + "\"";
    }

    private static String clean(String text) {
        String oneLine = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return oneLine.length() > MAX_CHARS ? oneLine.substring(0, MAX_CHARS - 1) + "…" : oneLine;
    }
}
