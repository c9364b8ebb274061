package dev.fleetdeck.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A known secret leaves through no sink in any encoding a server may echo it in. */
class RedactionTest {
    private static final String KEY = "sk-live/9f3c+7ab0d1e62c4";

    @AfterEach
    void forget() {
        Redaction.clearForTests();
    }

    @Test
    void everyFormOfAKnownSecretIsMasked() {
        Redaction.register(KEY);
        String json = KEY.replace("/", "\\/");
        StringBuilder unicode = new StringBuilder();
        for (char c : KEY.toCharArray()) {
            unicode.append(String.format("\\u%04x", (int) c));
        }
        String mixed = "\\u0073k-live\\/9f3c+7ab0d1e62c4";
        String url = URLEncoder.encode(KEY, StandardCharsets.UTF_8);
        String b64 = Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
        String b64url = Base64.getUrlEncoder().withoutPadding().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
        for (String echo : new String[] {KEY, json, unicode.toString(), mixed, url, b64, b64url,
                KEY.substring(0, 8) + "…", "Bearer " + KEY}) {
            String out = Redaction.scrub("the server said: " + echo + " is invalid");
            assertThat(out).as(echo).contains("****").doesNotContain(KEY).doesNotContain(KEY.substring(0, 8))
                    .doesNotContain(b64.substring(0, 10)).doesNotContain("9f3c+7ab0d1e62c4");
        }
    }

    @Test
    void basicPairsAreMaskedAsSentInTheHeader() {
        Redaction.registerPair("admin", "hunter2-but-longer");
        String header = Base64.getEncoder().encodeToString("admin:hunter2-but-longer".getBytes(StandardCharsets.UTF_8));
        assertThat(Redaction.scrub("Authorization: Basic " + header)).doesNotContain(header).contains("****");
        assertThat(Redaction.scrub("pw=hunter2-but-longer")).doesNotContain("hunter2");
    }

    @Test
    void textWithoutSecretsIsTheSameObject() {
        Redaction.register(KEY);
        String text = "lambda: HTTP 401 from https://cloud.lambdalabs.com/api/v1/instances";
        assertSame(text, Redaction.scrub(text));
        String escaped = "a \\u0041 b \\/ c";
        assertSame(escaped, Redaction.scrub(escaped));
    }

    @Test
    void pastedValuesAreDescribedNotShown() {
        String pasted = "Bearer abcdefghijklmnopqrstuvwxyz12";
        assertEquals("a value that looks like a secret, 'Be…' (" + pasted.length() + " characters), not shown",
                Redaction.quote(pasted));
        assertThat(Redaction.quote("sk_live_4eC39HqLyjWDarjtT1zdp7dc")).doesNotContain("4eC39Hq")
                .contains("'sk…' (32 characters)");
        assertEquals("'https://admin:****@prom.example:9090/api' (credentials in the URL not shown)",
                Redaction.quote("https://admin:s3cr3t@prom.example:9090/api"));
        assertEquals("'https://x.example/v1?token=****&region=****' (credentials in the URL not shown)",
                Redaction.quote("https://x.example/v1?token=abc123&region=us"));
        assertEquals("'12XB'", Redaction.quote("12XB"), "an ordinary mistake is shown as written");
        assertEquals("'us-west-2'", Redaction.quote("us-west-2"));
        assertEquals("'bad\\u001B[2J'", Redaction.quote("bad\u001b[2J"));
    }
}
