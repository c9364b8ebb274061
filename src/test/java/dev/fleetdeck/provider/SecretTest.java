package dev.fleetdeck.provider;

import dev.fleetdeck.model.Redaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A secret is read with bounds, refused when it cannot be a header value, and known to every sink once read. */
class SecretTest {
    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        Redaction.clearForTests();
    }

    @Test
    void aValueWithALineBreakOrControlCharacterIsRefusedNamingTheReferenceNotTheValue() {
        Map<String, String> env = Map.of("TOKEN", "abcd1234\nINJECTED: header", "BELL", "abcd\u0007efgh");
        Secret newline = Secret.parse("env:TOKEN", env::get).orElseThrow();
        ProviderException e = assertThrows(ProviderException.class, newline::reveal);
        assertThat(e.getMessage()).startsWith("secret env:TOKEN: the value contains a line break at position 9 of 25")
                .doesNotContain("abcd").doesNotContain("INJECTED");
        assertThat(assertThrows(ProviderException.class, Secret.parse("env:BELL", env::get).orElseThrow()::reveal)
                .getMessage()).contains("control character").doesNotContain("abcd");
    }

    @Test
    void aWindowsLineEndAndAByteOrderMarkAreNotPartOfTheSecret() throws Exception {
        Path f = Files.writeString(dir.resolve("t"), "\uFEFFtoken-from-notepad\r\n");
        assertEquals("token-from-notepad", Secret.parse("file:" + f).orElseThrow().reveal());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aSpecialFileAsASecretIsRefusedAtOnce() {
        Secret zero = Secret.parse("file:/dev/zero").orElseThrow();
        assertThat(zero.problem()).hasValueSatisfying(p -> assertThat(p).contains("/dev/zero: is a character device"));
        Secret directory = Secret.parse("file:" + dir).orElseThrow();
        assertThat(directory.problem()).hasValueSatisfying(p -> assertThat(p).contains("is a directory"));
    }

    @Test
    void aReadSecretIsScrubbedFromEveryText() throws Exception {
        Secret s = Secret.parse("env:K", Map.of("K", "kkk-0123456789abcdef")::get).orElseThrow();
        s.reveal();
        assertEquals("echo: ****", Redaction.scrub("echo: kkk-0123456789abcdef"));
    }
}
