package dev.fleetdeck.provider.prom;

import dev.fleetdeck.provider.prom.expo.ExpositionParser;
import dev.fleetdeck.provider.prom.expo.ParseException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fuzz test: 120,000 inputs, generated (valid expositions with random names, labels, escapes, special values,
 * timestamps, comments and line endings) and then mutated (bytes flipped, inserted, deleted, duplicated, cut), must
 * each either parse or end in a ParseException. Any other exception fails the test with the input that caused it.
 * Seeded, so a failure reproduces.
 */
class ExpositionFuzzTest {
    private static final String SPECIAL = "{}=\",\\ #\n\r\t";
    private static final String[] TOKENS = {"{", "}", "=", "\"", ",", " ", "\t", "\\", "\n", "\r\n", "#", "# HELP ",
            "# TYPE ", "# EOF", "NaN", "+Inf", "-Inf", "1e308", "1e-400", "0x1p3", ".", "-", "+", "e", "E", "\u00e9",
            "\u0000", "\uffff", "9999999999999999999999", "{\"", "# {", "le=\"", "1.7976931348623157e309"};

    @Test
    void onlyParseExceptionsEscape() {
        Random r = new Random(20261129);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 120_000; i++) {
            byte[] input = i % 4 == 0 ? generate(r) : mutate(generate(r), r);
            boolean openMetrics = r.nextBoolean();
            try {
                new ExpositionParser(openMetrics).parse(input, input.length, "fuzz", s -> {
                    s.name();
                    for (int l = 0; l < s.labelCount(); l++) {
                        s.labelName(l);
                        s.labelValue(l);
                    }
                });
                parsed++;
            } catch (ParseException e) {
                rejected++;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("input #" + i + " (" + (openMetrics ? "OpenMetrics" : "text") + ") threw "
                        + e + ":\n" + new String(input, StandardCharsets.UTF_8), e);
            }
        }
        System.out.printf("fuzz: 120,000 inputs, %,d parsed, %,d rejected with ParseException%n", parsed, rejected);
        assertTrue(parsed > 10_000 && rejected > 10_000, "both valid and invalid inputs were exercised");
    }

    private static byte[] generate(Random r) {
        StringBuilder b = new StringBuilder();
        int lines = 1 + r.nextInt(12);
        for (int l = 0; l < lines; l++) {
            switch (r.nextInt(8)) {
                case 0 -> b.append("# HELP ").append(name(r)).append(" some \\\\ help \\n text");
                case 1 -> b.append("# TYPE ").append(name(r)).append(' ')
                        .append(new String[] {"gauge", "counter", "histogram", "summary", "untyped"}[r.nextInt(5)]);
                case 2 -> b.append("# a comment ").append(r.nextInt());
                case 3 -> { }
                default -> {
                    b.append(name(r));
                    if (r.nextBoolean()) {
                        b.append('{');
                        int labels = r.nextInt(5);
                        for (int i = 0; i < labels; i++) {
                            b.append(i == 0 ? "" : ",").append(label(r)).append("=\"").append(value(r)).append('"');
                        }
                        b.append(r.nextInt(4) == 0 ? ",}" : "}");
                    }
                    b.append(r.nextBoolean() ? ' ' : '\t').append(number(r));
                    if (r.nextInt(3) == 0) {
                        b.append(' ').append(r.nextInt(4) == 0 ? "1520879607.789" : Long.toString(r.nextLong() >>> 20));
                    }
                }
            }
            b.append(r.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String name(Random r) {
        return new String[] {"DCGM_FI_DEV_GPU_TEMP", "up", "a:b_c", "_x", "nvidia_smi_power_draw_watts"}[r.nextInt(5)];
    }

    private static String label(Random r) {
        return new String[] {"gpu", "UUID", "Hostname", "le", "_a1"}[r.nextInt(5)];
    }

    private static String value(Random r) {
        return new String[] {"0", "GPU-81d79b08", "a\\\"b", "c\\\\d", "e\\nf", "", "\u00fc\u00df\u4e2d"}[r.nextInt(7)];
    }

    private static String number(Random r) {
        return new String[] {"0", "-1", "27", "67.433000", "1.98e+09", "NaN", "+Inf", "-Inf", "1e-7", ".5",
                "123456789012345678901234567890", "4.9e-324"}[r.nextInt(12)];
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in;
        int edits = 1 + r.nextInt(6);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> b[at] = (byte) r.nextInt(256);
                case 1 -> b = splice(b, at, at, TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                case 2 -> b = splice(b, at, Math.min(b.length, at + 1 + r.nextInt(8)), new byte[0]);
                case 3 -> b = java.util.Arrays.copyOf(b, at);
                case 4 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(40));
                    b = splice(b, at, at, java.util.Arrays.copyOfRange(b, at, at + len));
                }
                default -> b[at] = (byte) SPECIAL.charAt(r.nextInt(SPECIAL.length()));
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }
}
