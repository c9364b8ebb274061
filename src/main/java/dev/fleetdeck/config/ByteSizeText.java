package dev.fleetdeck.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes as written in configuration: {@code 1048576}, {@code 512KiB}, {@code 32MiB}, {@code 1GiB} (also KB/MB/GB, read as binary units). */
public final class ByteSizeText {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(b|kib|kb|k|mib|mb|m|gib|gb|g)?");

    private ByteSizeText() {
    }

    /** The size in bytes, or empty when the text is not a size or exceeds 1 TiB. */
    public static Optional<Long> parse(String text) {
        Matcher m = FORMAT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(1).length() > 13) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        if (amount > (1L << 40) >> shift) {
            return Optional.empty();
        }
        return Optional.of(amount << shift);
    }

    /** A size for people: {@code 32 MiB}. */
    public static String format(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
