package dev.fleetdeck.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text from outside can neither drive a terminal nor reorder or hide what a line says. */
class SafeTextTest {
    @Test
    void cleanTextIsTheSameObject() {
        String clean = "gpu-node-07.us-east · H100 ✓ Björn 佖佥 🚀";
        assertSame(clean, SafeText.of(clean));
        assertTrue(SafeText.isClean(clean));
    }

    @Test
    void terminalEscapesAndControlCharactersAreMadeVisible() {
        assertEquals("evil\\u001B[31mred\\u001B[0m", SafeText.of("evil\u001b[31mred\u001b[0m"));
        assertEquals("a\\u000Ab\\u000Dc\\u0000d\\u0007", SafeText.of("a\nb\rc\u0000d\u0007"));
        assertEquals("c1\\u009Bx", SafeText.of("c1\u009bx"), "C1 CSI");
        assertEquals("del\\u007F", SafeText.of("del\u007f"));
    }

    @Test
    void bidiOverridesIsolatesAndInvisibleCharactersAreMadeVisible() {
        assertEquals("node-\\u202Egnp.exe", SafeText.of("node-\u202egnp.exe"));
        assertEquals("\\u2066x\\u2069", SafeText.of("\u2066x\u2069"));
        assertEquals("zero\\u200Bwidth\\uFEFF", SafeText.of("zero\u200bwidth\ufeff"));
        assertEquals("line\\u2028sep", SafeText.of("line\u2028sep"));
        assertEquals("tag\\u{E0041}", SafeText.of("tag\uDB40\uDC41"), "a tag character (format, astral)");
    }

    @Test
    void loneSurrogatesAreMadeVisible() {
        assertEquals("x\\uD800y", SafeText.of("x\uD800y"));
        assertEquals("x\\uDC00", SafeText.of("x\uDC00"));
    }
}
