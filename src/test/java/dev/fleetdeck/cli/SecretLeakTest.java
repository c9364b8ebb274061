package dev.fleetdeck.cli;

import dev.fleetdeck.config.OptionForms;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.support.ReplayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A planted API key never leaves the Authorization header: every cloud adapter is pointed at servers that echo it back
 * (in a 401 body, a GraphQL error, an HTML error page, a 429, a 403), and the test greps everything a user can see or
 * keep: probe output as text and JSON, stderr, every log record with its stack trace, check-config output and the
 * settings forms.
 */
class SecretLeakTest {
    private static final String TOKEN = "fdk-planted-secret-91c4e7a2b05d";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @TempDir
    Path dir;
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringWriter s = new StringWriter();
            s.append(r.getLoggerName()).append(' ').append(String.valueOf(r.getMessage()));
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    s.append(' ').append(String.valueOf(p));
                }
            }
            if (r.getThrown() != null) {
                r.getThrown().printStackTrace(new PrintWriter(s));
            }
            synchronized (logged) {
                logged.add(s.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private Level rootLevel;

    @BeforeEach
    void listen() {
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL); // every record, down to FINEST, is grepped
        root.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    private ReplayServer echoingClouds() {
        String echo = "the key " + TOKEN + " is not valid";
        return new ReplayServer()
                .answer("/lambda/instance-types", 401, "{\"error\": {\"message\": \"" + echo + "\"}}", JSON)
                .json("/runpod/graphql", "{\"errors\": [{\"message\": \"Unauthorized: " + echo + "\"}], \"data\": null}")
                .answer("/vast/bundles/", 500, "<html><head><title>Error: " + echo + "</title></head><body>" + echo
                        + "</body></html>", Map.of("Content-Type", "text/html"))
                .fixture("/together/compute/clusters", "together-clusters.json")
                .answer("/lepton/dedicated-node-groups", 403, "{\"message\": \"" + echo + "\"}", JSON)
                .answer("/inventory", 429, "{\"error\": \"" + echo + "\"}", Map.of("Content-Type", "application/json",
                        "Retry-After", "30"))
                .json("/partial", "{\"data\": [{\"id\": \"" + TOKEN + "x\"}, {\"name\": \"" + TOKEN + "\"}]}");
    }

    private Path config(ReplayServer server) throws Exception {
        Path token = dir.resolve("key");
        Files.writeString(token, TOKEN + "\n");
        String base = server.base().toString();
        String key = "      api-key: file:" + token + "\n";
        String yaml = "providers:\n"
                + source("lambda", "lambda", base + "/lambda") + key
                + source("runpod", "runpod", base + "/runpod/graphql") + key
                + source("vast", "vast", base + "/vast") + key
                + source("together", "together", base + "/together") + key
                + source("lepton", "lepton", base + "/lepton") + key
                + source("inventory", "http-json", base + "/inventory") + key
                + "      nodes: {items: /data, id: /id, model: /m, gpus: /g}\n"
                + source("partial", "http-json", base + "/partial") + key
                + "      nodes: {items: /data, id: /name, model: /m, gpus: /g}\n";
        Path file = dir.resolve("clouds.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static String source(String name, String type, String url) {
        return "  - name: " + name + "\n    type: " + type + "\n    timeout: 5s\n    options:\n      url: " + url + "\n";
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPlantedKeyAppearsInNoOutputLogOrExport() throws Exception {
        try (ReplayServer server = echoingClouds()) {
            Path config = config(server);
            Run text = run("probe", "--config", config.toString(), "--verbose");
            Run json = run("probe", "--config", config.toString(), "--format", "json", "--verbose");
            Run check = run("check-config", config.toString(), "--verbose");

            // The failures really happened, with the servers' words, minus the key.
            assertTrue(text.out().contains("lambda") && text.out().contains("401"), text.out());
            assertTrue(json.out().contains("\"state\" : \"auth_error\""), json.out());
            assertTrue(json.out().contains("GraphQL error: Unauthorized: the key **** is not valid"), json.out());
            assertEquals(Main.OK, check.code(), check.err());
            // Every request carried the key, where it belongs.
            assertTrue(server.requests().stream().allMatch(r -> ("Bearer " + TOKEN).equals(r.header("Authorization"))));

            List<String> everything = new ArrayList<>(List.of(text.out(), text.err(), json.out(), json.err(),
                    check.out(), check.err()));
            synchronized (logged) {
                everything.addAll(logged);
            }
            for (String seen : everything) {
                assertFalse(seen.contains(TOKEN), "the key leaked into:\n" + seen);
            }
            assertTrue(logged.size() > 3, "the log was captured: " + logged.size() + " records");
        }
    }

    @Test
    void aKeyPastedIntoTheConfigurationIsRefusedWithoutBeingRepeated() throws Exception {
        Path file = dir.resolve("pasted.yaml");
        Files.writeString(file, "providers:\n  - name: lambda\n    type: lambda\n    options:\n      api-key: " + TOKEN
                + "\n");
        Run check = run("check-config", file.toString());
        assertEquals(Main.USAGE, check.code());
        assertTrue(check.err().contains("api-key: expected a reference such as env:API_TOKEN"), check.err());
        assertFalse(check.err().contains(TOKEN), check.err());
        assertFalse(check.out().contains(TOKEN), check.out());

        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", "lambda");
        entry.put("type", "lambda");
        entry.put("options", new LinkedHashMap<>(Map.of("api-key", TOKEN)));
        var form = new OptionForms(ProviderRegistry.load()).describeProvider(entry);
        assertFalse(form.errors().toString().contains(TOKEN), form.errors().toString());
        assertFalse(form.options().toString().contains(TOKEN), "defaults and ranges never hold values");
    }

    @Test
    void prometheusAndDcgmEchoesInAnyEncodingReachNoOutput() throws Exception {
        String escaped = TOKEN.replace("-", "\\u002d");
        try (ReplayServer server = new ReplayServer()
                .json("/prom/api/v1/query", "{\"status\": \"error\", \"errorType\": \"bad_data\", \"error\": \"token "
                        + escaped + " rejected\"}")
                .answer("/dcgm/metrics", 200, "DCGM_FI_DEV_GPU_TEMP{gpu=\"0\",UUID=\"GPU-1\",modelName=\"NVIDIA H100 80GB HBM3\","
                        + "Hostname=\"" + TOKEN + "\"} 40\nbroken line with " + TOKEN + "\n",
                        Map.of("Content-Type", "text/plain"))) {
            Path token = dir.resolve("key");
            Files.writeString(token, TOKEN + "\n");
            Path file = dir.resolve("tsdb.yaml");
            Files.writeString(file, "providers:\n"
                    + "  - name: prom\n    type: prometheus\n    timeout: 5s\n    options:\n      url: " + server.base()
                    + "/prom\n      auth: {type: bearer, token: \"file:" + token + "\"}\n"
                    + "  - name: dcgm\n    type: dcgm\n    timeout: 5s\n    options:\n      targets: [\"" + server.base()
                    + "/dcgm/metrics\"]\n      auth: {type: bearer, token: \"file:" + token + "\"}\n");
            Run text = run("probe", "--config", file.toString(), "--verbose");
            Run json = run("probe", "--config", file.toString(), "--format", "json", "--verbose");
            assertTrue(json.out().contains("rejected"), json.out());
            List<String> everything = new ArrayList<>(List.of(text.out(), text.err(), json.out(), json.err()));
            synchronized (logged) {
                everything.addAll(logged);
            }
            for (String seen : everything) {
                assertFalse(seen.contains(TOKEN), "the key leaked into:\n" + seen);
                assertFalse(seen.contains(TOKEN.substring(0, 8)), "the key's first 8 characters leaked into:\n" + seen);
                assertFalse(seen.contains(escaped), "the escaped key leaked into:\n" + seen);
            }
        }
    }

    @Test
    void pastedHeadersAndCredentialsInUrlsAreNotRepeated() throws Exception {
        Path file = dir.resolve("pasted2.yaml");
        Files.writeString(file, "providers:\n  - name: prom\n    type: prometheus\n    options:\n"
                + "      url: \"https://admin:" + TOKEN + "@prom.example/api?token=" + TOKEN + "\"\n"
                + "      auth: Bearer " + TOKEN + "\n");
        Run check = run("check-config", file.toString());
        assertEquals(Main.USAGE, check.code());
        assertFalse(check.err().contains(TOKEN), check.err());
        assertFalse(check.err().contains(TOKEN.substring(0, 8)), check.err());
        assertTrue(check.err().contains("auth: expected a mapping, found "), check.err());
        assertTrue(check.err().contains("'https://admin:****@prom.example/api?token=****'"), check.err());
    }

    @Test
    void aSecretWithALineBreakIsRefusedNamingTheReferenceOnly() throws Exception {
        Path token = dir.resolve("two-lines");
        Files.writeString(token, TOKEN + "\u0007\n");
        Path file = dir.resolve("nl.yaml");
        Files.writeString(file, "providers:\n  - name: lambda\n    type: lambda\n    options:\n      api-key: file:"
                + token + "\n");
        Run check = run("check-config", file.toString());
        assertEquals(Main.USAGE, check.code());
        assertTrue(check.err().contains("nl.yaml:5:16: providers[0].options.api-key: the value contains a control "
                + "character at position 32 of 32"), check.err());
        assertFalse(check.err().contains(TOKEN.substring(0, 8)), check.err());
    }
}
