package dev.fleetdeck.provider.nvsmi;

import dev.fleetdeck.model.Metrics;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one nvidia-smi CSV value. Anything in brackets ({@code [N/A]}, {@code [Not Supported]},
 * {@code [Unknown Error]}, {@code [Insufficient Permissions]}, {@code [Function Not Found]}, {@code [Requested
 * functionality has been deprecated]}, {@code [GPU requires reset]}) and a bare {@code N/A} are absent, never 0.
 * Units may follow the number ({@code 631.95 W}, {@code 100 %}, {@code 19818 MiB}) or not.
 */
final class NvsmiValues {
    private static final Pattern NUMBER = Pattern.compile("^[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private NvsmiValues() {
    }

    /** Whether the raw value means "no value". */
    static boolean isAbsent(String raw) {
        if (raw == null) {
            return true;
        }
        String v = raw.strip();
        return v.isEmpty() || (v.startsWith("[") && v.endsWith("]")) || v.equalsIgnoreCase("N/A");
    }

    /** The number at the start of the value (units ignored), or NaN when absent or not a number. */
    static double number(String raw) {
        if (isAbsent(raw)) {
            return Metrics.ABSENT;
        }
        Matcher m = NUMBER.matcher(raw.strip());
        if (!m.find()) {
            return Metrics.ABSENT;
        }
        double v = Double.parseDouble(m.group());
        return Double.isFinite(v) ? v : Metrics.ABSENT;
    }

    /** A hexadecimal bit mask such as {@code 0x0000000000000040}, or -1 when absent or unreadable. */
    static long mask(String raw) {
        if (isAbsent(raw)) {
            return -1;
        }
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (!v.startsWith("0x") || v.length() > 18 || v.length() < 3) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(v.substring(2), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The text, or empty when absent. */
    static String text(String raw) {
        return isAbsent(raw) ? "" : raw.strip();
    }

    /** "Yes", "Active" and "Enabled" are true; anything else (including absent) false. */
    static boolean flag(String raw) {
        String v = text(raw).toLowerCase(Locale.ROOT);
        return v.equals("yes") || v.equals("active") || v.equals("enabled");
    }
}
