package dev.fleetdeck.provider.prom.expo;

import java.nio.charset.StandardCharsets;

/**
 * Parses the decimal numbers of the exposition format from bytes without allocating. Up to 15 significant digits
 * and a decimal exponent within ±22, the result is exact (mantissa and power of ten are exact doubles, and one
 * multiplication or division rounds correctly); anything else, including NaN and ±Inf spellings, goes through
 * {@link Double#parseDouble}.
 */
final class FastDouble {
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private FastDouble() {
    }

    /** The number in {@code b[start, end)}, or throws NumberFormatException. */
    static double parse(byte[] b, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exp10 = 0;
        boolean any = false;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            if (digits < 18) {
                mantissa = mantissa * 10 + (b[i] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                exp10++;
                digits++;
            }
            any = true;
            i++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    exp10--;
                } else {
                    digits++;
                }
                any = true;
                i++;
            }
        }
        if (any && i < end && (b[i] == 'e' || b[i] == 'E')) {
            int j = i + 1;
            boolean expNegative = false;
            if (j < end && (b[j] == '-' || b[j] == '+')) {
                expNegative = b[j] == '-';
                j++;
            }
            int e = 0;
            int expDigits = 0;
            while (j < end && b[j] >= '0' && b[j] <= '9' && expDigits < 6) {
                e = e * 10 + (b[j] - '0');
                expDigits++;
                j++;
            }
            if (expDigits == 0 || (j < end && b[j] >= '0' && b[j] <= '9')) {
                return slow(b, start, end);
            }
            exp10 += expNegative ? -e : e;
            i = j;
        }
        if (!any || i != end) {
            return slow(b, start, end);
        }
        if (digits > 15 || exp10 < -22 || exp10 > 22) {
            return slow(b, start, end);
        }
        double v = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
        return negative ? -v : v;
    }

    private static double slow(byte[] b, int start, int end) {
        String s = new String(b, start, end - start, StandardCharsets.US_ASCII);
        // The spellings Go's strconv.ParseFloat takes (and so Prometheus' parsers), in any case: nan, inf, infinity,
        // with an optional sign.
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        switch (unsigned) {
            case "nan" -> {
                return Double.NaN;
            }
            case "inf", "infinity" -> {
                return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            default -> {
                // Java accepts trailing 'd'/'f' suffixes and spaces the format does not: refuse them here.
                // Decimal only, as Prometheus' parsers take it: no hex floats (0x1p-3), no digit separators (1_2).
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                        throw new NumberFormatException("not a number: " + s);
                    }
                }
                if (s.endsWith("d") || s.endsWith("D") || s.endsWith("f") || s.endsWith("F")) {
                    throw new NumberFormatException("not a number: " + s);
                }
                return Double.parseDouble(s);
            }
        }
    }
}
