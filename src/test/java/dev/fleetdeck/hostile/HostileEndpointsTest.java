package dev.fleetdeck.hostile;

import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.Secret;
import dev.fleetdeck.provider.http.HttpAuth;
import dev.fleetdeck.provider.http.HttpFetcher;
import dev.fleetdeck.provider.http.HttpSettings;
import dev.fleetdeck.provider.sim.DcgmExporter;
import dev.fleetdeck.provider.sim.SimSettings;
import dev.fleetdeck.support.ReplayServer;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Redirects are followed with their hops named; the exporter answers every path and drops stalled clients. */
class HostileEndpointsTest {
    @Test
    void redirectLoopsAndTooManyHopsSaySoWithTheHops() throws Exception {
        try (ReplayServer server = new ReplayServer();
             HttpFetcher http = new HttpFetcher("loop", HttpSettings.defaults())) {
            server.answer("/a", 302, "", Map.of("Location", "/b"));
            server.answer("/b", 301, "", Map.of("Location", "/a"));
            ProviderException loop = assertThrows(ProviderException.class,
                    () -> http.get(server.base().resolve("/a"), HttpFetcher.Expect.JSON));
            String base = server.base().toString();
            assertEquals("loop: redirect loop after 2 hops: " + base + "/a → " + base + "/b → " + base + "/a "
                    + "(check the URL)", loop.getMessage());
            for (int i = 0; i < 8; i++) {
                server.answer("/hop" + i, 307, "", Map.of("Location", "/hop" + (i + 1)));
            }
            assertThat(assertThrows(ProviderException.class, () -> http.get(server.base().resolve("/hop0"),
                    HttpFetcher.Expect.JSON)).getMessage()).contains("more than 5 redirects");
            server.answer("/moved", 308, "", Map.of("Location", "/here"));
            server.json("/here", "{\"ok\": true}");
            assertEquals("{\"ok\": true}", new String(http.get(server.base().resolve("/moved"),
                    HttpFetcher.Expect.JSON).bytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void credentialsNeverFollowARedirectToAnotherHost() throws Exception {
        try (ReplayServer other = new ReplayServer(); ReplayServer server = new ReplayServer()) {
            other.json("/steal", "{}");
            server.answer("/start", 302, "", Map.of("Location", other.base() + "/steal"));
            var settings = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 1 << 20, true, 2,
                    new HttpAuth.Bearer(Secret.parse("env:X",
                            k -> "redirect-secret-0123456789").orElseThrow()));
            try (HttpFetcher http = new HttpFetcher("r", settings)) {
                http.get(server.base().resolve("/start"), HttpFetcher.Expect.JSON);
            }
            assertThat(server.requests().getFirst().header("Authorization")).startsWith("Bearer ");
            assertThat(other.requests().getFirst().header("Authorization")).isNull();
        }
    }

    private static SimSettings fleet() {
        SimSettings d = SimSettings.defaults();
        return new SimSettings(11, 2, 8, d.regions(), d.models(), 8, 1.0, "gpu", java.util.Optional.empty(), 1.0);
    }

    @Test
    void theExporterAnswersEveryPathAndClosesClientsWhoseHeadersNeverCome() throws Exception {
        try (DcgmExporter exporter = new DcgmExporter(fleet(), 0)) {
            for (String path : new String[] {"/nodes/metrics", "/nodes/", "/nodes//metrics", "/metricsX",
                    "/nodes/nope/metrics", "/x"}) {
                HttpURLConnection c = (HttpURLConnection) URI.create(exporter.uri() + path).toURL().openConnection();
                assertEquals(404, c.getResponseCode(), path);
                c.disconnect();
            }
            HttpURLConnection ok = (HttpURLConnection) URI.create(exporter.uri() + "/metrics").toURL()
                    .openConnection();
            assertEquals(200, ok.getResponseCode());
            ok.disconnect();

        }
    }

    /**
     * {@code fleetdeck exporter} as a user runs it (its own JVM, where the exporter sets the JDK server's request time
     * limit before any server starts): a client that never finishes its headers is dropped.
     */
    @Test
    void theExporterCommandDropsAClientWhoseHeadersNeverCome() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.fleetdeck.cli.Main", "exporter", "--nodes", "2", "--port", "0").redirectErrorStream(true).start();
        try {
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8));
            lines.readLine();
            String second = lines.readLine();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(second);
            assertThat(m.find()).as(second).isTrue();
            int port = Integer.parseInt(m.group(1));
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    OutputStream out = s.getOutputStream();
                    out.write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush(); // and never the blank line that ends the headers
                    assertEquals(-1, s.getInputStream().read(), "closed once the request time is up");
                }
            });
        } finally {
            p.destroy();
            p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
