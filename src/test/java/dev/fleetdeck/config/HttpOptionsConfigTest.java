package dev.fleetdeck.config;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.provider.ProviderSpec;
import dev.fleetdeck.provider.http.HttpAuth;
import dev.fleetdeck.provider.http.HttpSettings;
import dev.fleetdeck.support.JsonInventoryProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The polling keys and the shared http/auth sections, as every HTTP provider reads them. */
class HttpOptionsConfigTest {
    private final AtomicReference<HttpSettings> seen = new AtomicReference<>();
    private final AtomicReference<ProviderSpec> spec = new AtomicReference<>();

    private final ProviderFactory factory = new ProviderFactory() {
        @Override
        public String type() {
            return "json-inventory";
        }

        @Override
        public String description() {
            return "test provider over the shared HTTP layer";
        }

        @Override
        public FleetProvider create(ProviderSpec s) {
            spec.set(s);
            HttpSettings settings = HttpSettings.from(s);
            seen.set(settings);
            return new JsonInventoryProvider(s.name(), URI.create(s.options().getString("url", "http://127.0.0.1/")),
                    settings, Clock.systemUTC());
        }
    };
    private final ConfigLoader loader = new ConfigLoader(ProviderRegistry.of(List.of(factory)));

    @Test
    void readsPollingKeysHttpSectionAndSecretReferences(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "abc123\n");
        String yaml = """
                providers:
                  - name: lab
                    type: json-inventory
                    interval: 10s
                    timeout: 4s
                    backoff-max: 2m
                    concurrency: 3
                    options:
                      url: https://127.0.0.1:9443/inventory
                      http:
                        connect-timeout: 2s
                        read-timeout: 30s
                        max-response-size: 8MiB
                        tls-verify: false
                      auth:
                        type: bearer
                        token: file:%s
                """.formatted(token);
        try (FleetDeckConfig config = loader.parse(yaml, "t.yaml")) {
            assertEquals(Duration.ofMinutes(2), spec.get().backoffMax());
            assertEquals(3, spec.get().concurrency());
            HttpSettings s = seen.get();
            assertEquals(Duration.ofSeconds(2), s.connectTimeout());
            assertEquals(Duration.ofSeconds(4), s.readTimeout(), "never longer than the poll timeout");
            assertEquals(8L << 20, s.maxResponseBytes());
            assertEquals(false, s.verifyTls());
            assertEquals(3, s.concurrency());
            assertEquals("Bearer abc123", ((HttpAuth.Bearer) s.auth()).header().orElseThrow());
            assertThat(s.auth().toString()).doesNotContain("abc123").contains("file:");
            assertEquals(List.of("TLS verification is off (tls-verify: false)"),
                    config.providers().getFirst().provider().notices());
        }
    }

    @Test
    void everyMistakeIsReportedWithItsPlaceAndNoSecretIsEchoed() {
        String yaml = """
                providers:
                  - name: lab
                    type: json-inventory
                    interval: 10s
                    backoff-max: 5s
                    concurrency: 0
                    options:
                      url: http://127.0.0.1/x
                      http:
                        max-response-size: 12XB
                        tls-verify: maybe
                        read-timout: 3s
                      auth:
                        type: bearer
                        token: sk-live-PASTED-SECRET
                  - name: lab2
                    type: json-inventory
                    options:
                      auth:
                        type: basic
                        username: ops
                        password: env:FLEETDECK_TEST_SURELY_UNSET_VAR
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml, "t.yaml"));
        String all = e.getMessage();
        assertThat(all).contains("t.yaml:5:18: providers[0].backoff-max: must not be shorter than the interval (10s)")
                .contains("providers[0].concurrency: 0 is outside 1..256")
                .contains("providers[0].options.http.max-response-size: expected a size such as 512KiB")
                .contains("providers[0].options.http.tls-verify: expected true or false, found 'maybe'")
                .contains("providers[0].options.http.read-timout: unknown key; did you mean 'read-timeout'?")
                .contains("providers[0].options.auth.token: expected a reference such as env:API_TOKEN")
                .contains("providers[1].options.auth.password: environment variable FLEETDECK_TEST_SURELY_UNSET_VAR "
                        + "is not set")
                .doesNotContain("PASTED-SECRET");
        assertTrue(e.errors().size() >= 7, all);
    }
}
