package dev.fleetdeck.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The last filter in front of every sink (probe table and JSON, logs, status messages, UI text, exports): it knows
 * every secret value this process has sent, and removes each of them in every form it can take in text — raw,
 * JSON-escaped (including {@code \/} and {@code \u0066}-style escapes of any character), URL-encoded, base64
 * (standard and URL-safe, padded or not, and of {@code user:password} pairs) and by its first 8 characters — so
 * that no echo of a key reaches an output, however the server wrote it.
 *
 * <p>Secrets are registered when a {@code Secret} reference is read (before anything can have been sent with it).
 * It is process-wide on purpose: sinks such as the log handler have no other way to know them. Thread-safe.
 */
public final class Redaction {
    /** What a removed secret is replaced with. */
    public static final String MASK = "****";
    /** Secrets shorter than this are not matched by prefix (too many false hits); they are matched whole. */
    static final int PREFIX = 8;
    private static final int MIN_LENGTH = 4;

    private static final List<String> NEEDLES = new CopyOnWriteArrayList<>();
    private static final Set<String> SECRETS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Redaction() {
    }

    /** Registers a secret value (and the forms it may be echoed in). Values under 4 characters are ignored. */
    public static void register(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH || !SECRETS.add(secret)) {
            return;
        }
        Set<String> forms = new LinkedHashSet<>(forms(secret));
        forms.removeIf(f -> f.length() < MIN_LENGTH);
        List<String> all = new ArrayList<>(NEEDLES);
        all.addAll(forms);
        all = new ArrayList<>(new LinkedHashSet<>(all));
        all.sort(Comparator.comparingInt(String::length).reversed()); // longest first: a prefix never cuts a whole
        NEEDLES.clear();
        NEEDLES.addAll(all);
    }

    /** Registers a {@code user:password} pair as sent in HTTP basic authentication. */
    public static void registerPair(String user, String password) {
        register(password);
        String pair = user + ":" + password;
        for (String b64 : base64(pair)) {
            register(b64);
        }
    }

    /** Whether any secret is known (sinks may skip work when none is). */
    public static boolean active() {
        return !NEEDLES.isEmpty();
    }

    /** The text with every form of every known secret replaced by {@link #MASK}; {@code null} stays {@code null}. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty() || NEEDLES.isEmpty()) {
            return text;
        }
        String out = text;
        for (String needle : NEEDLES) {
            if (out.contains(needle)) {
                out = out.replace(needle, MASK);
            }
        }
        if (out.indexOf('\\') >= 0) {
            out = scrubJsonEscapes(out);
        }
        return out;
    }

    /** Forgets every secret (tests). */
    public static void clearForTests() {
        NEEDLES.clear();
        SECRETS.clear();
    }

    private static List<String> forms(String s) {
        List<String> out = new ArrayList<>();
        out.add(s);
        out.add(jsonEscaped(s, false));
        out.add(jsonEscaped(s, true));
        out.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
        out.add(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        out.addAll(base64(s));
        if (s.length() >= PREFIX + 4) {
            out.add(s.substring(0, PREFIX));
            for (String b : base64(s)) {
                out.add(b.substring(0, Math.min(b.length(), PREFIX + 2)));
            }
        }
        return out;
    }

    private static List<String> base64(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        String std = Base64.getEncoder().encodeToString(bytes);
        String url = Base64.getUrlEncoder().encodeToString(bytes);
        return List.of(std, stripPadding(std), url, stripPadding(url));
    }

    private static String stripPadding(String b64) {
        int end = b64.length();
        while (end > 0 && b64.charAt(end - 1) == '=') {
            end--;
        }
        return b64.substring(0, end);
    }

    private static String jsonEscaped(String s, boolean slashes) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '/' -> b.append(slashes ? "\\/" : "/");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * Text that still holds JSON escapes ({@code \u0061}, {@code \/}) is decoded in a copy; where the decoded copy
     * shows a secret, the escaped run that spells it is masked in the original.
     */
    private static String scrubJsonEscapes(String text) {
        StringBuilder decoded = new StringBuilder(text.length());
        int[] origin = new int[text.length() + 1];
        int i = 0;
        while (i < text.length()) {
            origin[decoded.length()] = i;
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(i + 1);
                if (n == 'u' && i + 6 <= text.length() && isHex(text, i + 2, i + 6)) {
                    decoded.append((char) Integer.parseInt(text, i + 2, i + 6, 16));
                    i += 6;
                    continue;
                }
                if (n == '/' || n == '\\' || n == '"') {
                    decoded.append(n);
                    i += 2;
                    continue;
                }
            }
            decoded.append(c);
            i++;
        }
        origin[decoded.length()] = text.length();
        if (decoded.length() == text.length()) {
            return text;
        }
        String plain = decoded.toString();
        boolean[] masked = new boolean[text.length()];
        boolean any = false;
        for (String needle : NEEDLES) {
            for (int at = plain.indexOf(needle); at >= 0; at = plain.indexOf(needle, at + 1)) {
                int from = origin[at];
                int to = origin[at + needle.length()];
                for (int k = from; k < to; k++) {
                    masked[k] = true;
                }
                any = true;
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            if (masked[k]) {
                if (k == 0 || !masked[k - 1]) {
                    out.append(MASK);
                }
            } else {
                out.append(text.charAt(k));
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern CREDENTIAL_WORD = java.util.regex.Pattern.compile(
            "(?i)^\\s*(authorization\\s*:\\s*)?(bearer|basic|token|apikey|api-key)\\s+\\S");
    private static final java.util.regex.Pattern URL_USERINFO = java.util.regex.Pattern.compile(
            "(?i)^([a-z][a-z0-9+.-]*://)([^/@?#\\s]*)@");
    private static final java.util.regex.Pattern QUERY_VALUE = java.util.regex.Pattern.compile("([?&][^=&#]*=)([^&#]*)");

    /**
     * A value from a configuration file, quoted for an error message — unless it may be a secret that was pasted
     * where a reference belongs: an {@code Authorization}-style value ({@code Bearer …}, {@code Basic …}), a word that
     * looks like a key (20 or more letters and digits mixed), or a URL with a password or a query. Then only what is
     * safe is shown: a URL keeps its host and path with {@code user:****@} and {@code ?key=****}; anything else is
     * described by its first two characters and length.
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String v = scrub(value);
        java.util.regex.Matcher url = URL_USERINFO.matcher(v);
        boolean hasQuery = v.matches("(?i)^[a-z][a-z0-9+.-]*://[^\\s]*\\?[^\\s]*");
        if (url.find() || hasQuery) {
            String masked = URL_USERINFO.matcher(v).replaceFirst(m -> m.group(1)
                    + java.util.regex.Matcher.quoteReplacement(m.group(2).contains(":")
                    ? SafeText.of(m.group(2).substring(0, m.group(2).indexOf(':'))) + ":" + MASK : MASK) + "@");
            masked = QUERY_VALUE.matcher(masked).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                    m.group(1) + (m.group(2).isEmpty() ? "" : MASK)));
            return "'" + SafeText.of(masked) + "' (credentials in the URL not shown)";
        }
        if (CREDENTIAL_WORD.matcher(v).find() || looksLikeKey(v)) {
            return "a value that looks like a secret, " + hint(v) + ", not shown";
        }
        return "'" + SafeText.of(v) + "'";
    }

    private static boolean looksLikeKey(String v) {
        String t = v.strip();
        if (t.length() < 20 || t.indexOf(' ') >= 0 || t.contains("/") || t.startsWith("env:") || t.startsWith("file:")) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '=' || c == '+')) {
                return false;
            }
        }
        return letter && digit;
    }

    /**
     * How a value that must not be shown is described instead: its first two characters and its length
     * ({@code "ab… (40 characters)"}), enough to recognise a pasted value without revealing it.
     */
    public static String hint(String value) {
        if (value == null) {
            return "(none)";
        }
        String head = value.length() <= 4 ? "" : SafeText.of(value.substring(0, 2));
        return (head.isEmpty() ? "" : "'" + head + "…' ") + "(" + value.length() + " characters)";
    }
}
