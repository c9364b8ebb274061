package dev.fleetdeck.hostile;

import dev.fleetdeck.config.ConfigLoader;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.support.FaultServer;
import dev.fleetdeck.support.ReplayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every HTTP adapter against every class of hostile answer: each poll ends within its timeout with a snapshot or a
 * {@link ProviderException} (never another exception), whose words name what happened, and nothing it returns or
 * says carries the planted key in any encoding, or a raw control character.
 */
class HostileInputTest {
    private static final String KEY = "fdk-hostile-3c9e1a7b5d20f84e/Zq";
    private static final List<String> ADAPTERS = List.of("lambda", "runpod", "vast", "together", "lepton",
            "http-json", "prometheus", "dcgm");

    @TempDir
    Path dir;
    private FleetDeckConfig config;

    @AfterEach
    void close() {
        if (config != null) {
            config.close();
        }
        Redaction.clearForTests();
    }

    /** An attack: how the server answers every path, and what the outcome must say (null: any clean outcome). */
    record Attack(String name, int status, String body, Map<String, String> headers, String mustSay) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Attack> attacks() {
        String nested = "[".repeat(5000) + "]".repeat(5000);
        String json = "application/json";
        return List.of(
                new Attack("echo-raw-401", 401, "{\"error\": \"key " + KEY + " refused\"}", Map.of("Content-Type", json),
                        "401"),
                new Attack("echo-json-escaped", 403, "{\"error\": \"key " + KEY.replace("/", "\\/") + " refused\"}",
                        Map.of("Content-Type", json), "403"),
                new Attack("echo-unicode-escaped", 500, "{\"error\": \"key " + unicode(KEY) + "\"}",
                        Map.of("Content-Type", json), "500"),
                new Attack("echo-base64", 400, "{\"error\": \"" + Base64.getEncoder().encodeToString(
                        KEY.getBytes(StandardCharsets.UTF_8)) + "\"}", Map.of("Content-Type", json), "400"),
                new Attack("echo-url-encoded", 400, "{\"error\": \"" + URLEncoder.encode(KEY, StandardCharsets.UTF_8)
                        + "\"}", Map.of("Content-Type", json), "400"),
                new Attack("echo-prefix", 400, "{\"error\": \"your key " + KEY.substring(0, 8) + "… expired\"}",
                        Map.of("Content-Type", json), "400"),
                new Attack("echo-in-200-body", 200, "{\"data\": [{\"id\": \"" + KEY + "\", \"name\": \"" + KEY
                        + "\"}], \"error\": \"" + KEY + "\"}", Map.of("Content-Type", json), null),
                new Attack("terminal-escapes", 502, "\u001b[2J\u001b[31mpwned\u202e\u0007", Map.of("Content-Type",
                        "text/plain"), "502"),
                new Attack("html-login-page", 200, "<!doctype html><html><head><title>Sign in</title></head></html>",
                        Map.of("Content-Type", "text/html"), "HTML page"),
                new Attack("oversized", 200, "{\"x\": \"" + "a".repeat(200_000) + "\"}", Map.of("Content-Type", json),
                        "max-response-size"),
                new Attack("deep-nesting", 200, nested, Map.of("Content-Type", json), null),
                new Attack("not-json", 200, "\u0000\u0001\u00ff garbage", Map.of("Content-Type", json), null),
                new Attack("empty", 200, "", Map.of("Content-Type", json), null),
                new Attack("redirect-to-self", 302, "", Map.of("Location", "/loop"), "redirect loop"),
                new Attack("redirect-ping-pong", 302, "", Map.of("Location", "/pong"), "redirect loop"),
                new Attack("rate-limited", 429, "slow down", Map.of("Retry-After", "99999999999"), "429"));
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String adapter : ADAPTERS) {
            for (Attack a : attacks()) {
                out.add(Arguments.of(adapter, a));
            }
        }
        return out.stream();
    }

    private static String unicode(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }

    private FleetProvider provider(String adapter, String base) throws Exception {
        Path key = Files.writeString(dir.resolve("key"), KEY + "\n");
        String common = "      http: {max-response-size: 64KiB, read-timeout: 2s}\n";
        String options = switch (adapter) {
            case "prometheus" -> "      url: " + base + "\n      auth: {type: bearer, token: file:" + key + "}\n";
            case "dcgm" -> "      targets: [\"" + base + "/metrics\"]\n      auth: {type: bearer, token: file:" + key
                    + "}\n";
            case "http-json" -> "      url: " + base + "/inventory\n      api-key: file:" + key
                    + "\n      nodes: {items: /data, id: /id, name: /name, model: /m, gpus: /g}\n";
            case "lepton" -> "      url: " + base + "\n      api-key: file:" + key + "\n      region: r\n";
            default -> "      url: " + base + "\n      api-key: file:" + key + "\n";
        };
        config = new ConfigLoader(ProviderRegistry.load()).parse("providers:\n  - name: hostile\n    type: " + adapter
                + "\n    timeout: 5s\n    options:\n" + options + common, "hostile.yaml");
        return config.providers().getFirst().provider();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cases")
    void aHostileAnswerIsAClearErrorOnThatSourceAndLeaksNothing(String adapter, Attack attack) throws Exception {
        try (ReplayServer server = new ReplayServer()) {
            server.otherwise(attack.status(), attack.body(), attack.headers());
            if (attack.name().equals("redirect-ping-pong")) {
                server.answer("/pong", 302, "", Map.of("Location", "/ping"));
                server.answer("/ping", 302, "", Map.of("Location", "/pong"));
            }
            FleetProvider p = provider(adapter, server.base().toString());
            List<String> said = new ArrayList<>();
            assertTimeoutPreemptively(java.time.Duration.ofSeconds(8), () -> {
                try {
                    ProviderSnapshot snap = p.poll();
                    said.addAll(snap.warnings());
                    for (Node n : snap.nodes()) {
                        said.add(n.hostname() + " " + n.region() + " " + n.gpuModel() + " " + n.tenant() + " "
                                + n.healthReasons());
                    }
                    snap.offers().forEach(o -> said.add(o.toString()));
                    said.addAll(p.notices());
                } catch (ProviderException e) {
                    said.add(e.getMessage());
                }
            });
            String all = String.join("\n", said);
            String shown = Redaction.scrub(all); // what the status strip, probe and logs print
            assertThat(shown).as("no form of the key").doesNotContain(KEY).doesNotContain(KEY.substring(0, 8))
                    .doesNotContain("3c9e1a7b5d20f84e").doesNotContain(Base64.getEncoder().encodeToString(
                            KEY.getBytes(StandardCharsets.UTF_8)).substring(0, 12))
                    .doesNotContain(URLEncoder.encode(KEY, StandardCharsets.UTF_8));
            assertThat(all).as("no raw control character reaches a message").doesNotContain("\u001b")
                    .doesNotContain("\u202e").doesNotContain("\u0007");
            if (attack.mustSay() != null) {
                assertThat(all).as("the outcome says what happened").contains(attack.mustSay());
            }
        }
    }

    static Stream<Arguments> silences() {
        List<Arguments> out = new ArrayList<>();
        for (String adapter : ADAPTERS) {
            for (FaultServer.Fault f : List.of(FaultServer.Fault.SILENCE, FaultServer.Fault.TRUNCATED,
                    FaultServer.Fault.SLOW_DRIP)) {
                out.add(Arguments.of(adapter, f));
            }
        }
        return out.stream();
    }

    /** A server that accepts and then says nothing, cuts the body off, or drips it: bounded by the read timeout. */
    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("silences")
    void aSilentOrBrokenServerCostsAtMostTheTimeout(String adapter, FaultServer.Fault fault) throws Exception {
        try (FaultServer server = new FaultServer()) {
            server.fault(fault);
            FleetProvider p = provider(adapter, server.uri().toString().replaceAll("/+$", ""));
            assertTimeoutPreemptively(java.time.Duration.ofSeconds(8), () -> {
                try {
                    p.poll();
                } catch (ProviderException e) {
                    assertThat(e.getMessage()).doesNotContain(KEY);
                    if (fault == FaultServer.Fault.SILENCE) {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNREACHABLE);
                        assertThat(e.getMessage()).contains("read timeout");
                    }
                }
            });
        }
    }
}
