package dev.fleetdeck.cli;

import dev.fleetdeck.support.AlertmanagerServer;
import dev.fleetdeck.support.ExternalBinary;
import dev.fleetdeck.support.TsdbServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code serve} in a child JVM against a real Alertmanager and a real Prometheus: ready, metrics that pass
 * {@code promtool check metrics}, a scraped figure equal to the frame's, alerts in Alertmanager, and SIGTERM ends it
 * with status 0 within 5 s.
 */
class ServeProcessTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void servesReadyMetricsPrometheusCanScrapeSendsAlertsAndStopsCleanlyOnSigterm() throws Exception {
        Path promtool = ExternalBinary.require("promtool");
        int port = TsdbServer.freePort();
        Files.createDirectories(dir.resolve("am"));
        Files.createDirectories(dir.resolve("prom"));
        try (AlertmanagerServer am = AlertmanagerServer.start(dir.resolve("am"));
             TsdbServer prometheus = TsdbServer.prometheus(dir.resolve("prom"), "  - job_name: fleetdeck\n"
                     + "    static_configs:\n      - targets: ['127.0.0.1:" + port + "']\n")) {
            // A real dcgm-exporter scrape (datadog's T4/A10G fixture), read by the dcgm source from a file.
            String healthy = new String(getClass().getResourceAsStream(
                    "/real/dcgm-exporter/datadog-dcgm-t4-a10g-k8s.metrics.txt").readAllBytes(), StandardCharsets.UTF_8);
            Path scrape = dir.resolve("dcgm.txt");
            Files.writeString(scrape, healthy);
            Path config = Files.writeString(dir.resolve("serve.yaml"), """
                    service:
                      listen: 127.0.0.1:%d
                    alerts:
                      send-to:
                        alertmanager: ["%s"]
                        resend-every: 5s
                    recording:
                      location: %s
                    providers:
                      - name: lab
                        type: simulated
                        interval: 1s
                        options: {seed: 11, nodes: 48, gpus-per-node: 8}
                      - name: rack
                        type: dcgm
                        interval: 1s
                        options:
                          targets: ["file:%s"]
                    """.formatted(port, am.uri(), dir.resolve("recordings"), scrape));
            Process serve = start("serve", "--config", config.toString());
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                        StandardCharsets.UTF_8));
                String banner = out.readLine();
                assertTrue(banner != null && banner.contains("http://127.0.0.1:" + port), banner + err());
                URI base = URI.create("http://127.0.0.1:" + port);
                awaitStatus(base.resolve("/readyz"), 200);
                assertEquals(200, get(base.resolve("/healthz")).statusCode());
                assertEquals(404, get(base.resolve("/nope")).statusCode());

                String metrics = get(base.resolve("/metrics")).body();
                Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true)
                        .start();
                check.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
                check.getOutputStream().close();
                String findings = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, check.waitFor(), findings);
                assertEquals("", findings.strip(), "promtool check metrics finds nothing");

                assertScrapedSellableEqualsTheFrame(base, prometheus.uri());
                assertTheGrafanaDashboardsQueriesWork(prometheus.uri());
                // GPU 0 of the dcgm node falls off the bus (XID 79): critical at the source from now on.
                String node = "424773df46e0";
                assertTrue(am.alerts().valueStream().noneMatch(a -> a.path("labels").path("node").asString()
                        .equals(node)), "the node is healthy before");
                String critical = java.util.regex.Pattern.compile("(DCGM_FI_DEV_XID_ERRORS\\{gpu=\"0\"[^\n]*\\}) 0\n")
                        .matcher(healthy).replaceFirst("$1 79\n");
                assertTrue(!critical.equals(healthy), "the fixture has GPU 0's XID line");
                Path next = Files.writeString(dir.resolve("dcgm.next"), critical);
                Instant broke = Instant.now();
                Files.move(next, scrape, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                long delay = awaitAlertFor(am, node, broke);
                System.out.printf("serve: GPU critical at the source to the alert in Alertmanager: %d ms%n", delay);
                assertTrue(delay < 1_000 + 2_000, "within the interval (1 s) + 2 s: " + delay + " ms");

                long t0 = System.nanoTime();
                serve.destroy(); // SIGTERM
                assertTrue(serve.waitFor(5, TimeUnit.SECONDS), "stopped within 5 s" + err());
                assertEquals(0, serve.exitValue(), err());
                System.out.printf("serve: SIGTERM to exit in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            } finally {
                serve.destroyForcibly();
            }
        }
    }

    private void assertScrapedSellableEqualsTheFrame(URI serve, URI prometheus) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            JsonNode frame = JSON.readTree(get(serve.resolve("/api/v1/frame?summary")).body());
            long sequence = frame.path("sequence").asLong();
            long sellable = 0;
            for (JsonNode c : frame.path("capacity").path("byModel")) {
                if (c.path("gpuModel").asString().equals("H100")) {
                    sellable += c.path("sellable").asLong();
                }
            }
            double promSequence = query(prometheus, "fleetdeck_frame_sequence");
            double promSellable = query(prometheus, "sum(fleetdeck_gpus_sellable{model=\"H100\"})");
            if (promSequence == sequence) {
                assertEquals(sellable, promSellable, "Prometheus' sellable H100s equal frame " + sequence + "'s");
                return;
            }
            last = "frame " + sequence + ", Prometheus has " + promSequence;
            Thread.sleep(200);
        }
        throw new AssertionError("Prometheus never held the frame serve showed: " + last);
    }

    /** Every query of packaging/grafana's dashboard parses in Prometheus, and those on capacity find series. */
    private void assertTheGrafanaDashboardsQueriesWork(URI prometheus) throws Exception {
        JsonNode dashboard = JSON.readTree(Files.readString(Path.of("packaging/grafana/fleetdeck-dashboard.json")));
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString().replace("$provider", ".*").replace("$region", ".*");
                JsonNode r = JSON.readTree(get(prometheus.resolve("/api/v1/query?query="
                        + URLEncoder.encode(expr, StandardCharsets.UTF_8))).body());
                assertEquals("success", r.path("status").asString(), panel.path("title").asString() + ": " + r);
                if (expr.startsWith("sum by (model) (fleetdeck_gpus_sellable") || expr.contains("fleetdeck_provider_up")) {
                    assertTrue(!r.path("data").path("result").isEmpty(), expr + " finds series");
                }
                queries++;
            }
        }
        assertTrue(queries >= 8, "the dashboard has its queries: " + queries);
    }

    private double query(URI prometheus, String promql) throws Exception {
        JsonNode r = JSON.readTree(get(prometheus.resolve("/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).body());
        JsonNode result = r.path("data").path("result");
        return result.isEmpty() ? Double.NaN : Double.parseDouble(result.get(0).path("value").get(1).asString());
    }

    /** The time from {@code since} (the GPU broke) until Alertmanager lists gpu-critical for {@code node}. */
    private static long awaitAlertFor(AlertmanagerServer am, String node, Instant since) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode a : am.alerts()) {
                JsonNode labels = a.path("labels");
                if (labels.path("node").asString().equals(node) && labels.path("alertname").asString()
                        .equals("gpu-critical")) {
                    assertEquals("rack", labels.path("provider").asString());
                    assertEquals("critical", labels.path("severity").asString());
                    assertEquals("0", a.path("annotations").path("gpu").asString(), "GPU 0 is the sick one");
                    assertTrue(a.path("annotations").path("action").asString().startsWith("XID 79 (GPU has fallen off"
                            + " the bus): drain the node and reboot it"), a.toString());
                    return Duration.between(since, Instant.now()).toMillis();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no gpu-critical alert for " + node + " reached Alertmanager within " + WAIT);
    }

    private void awaitStatus(URI uri, int status) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = get(uri).statusCode();
                if (last == status) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(uri + " answered " + last + ", not " + status + err());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Process start(String... args) throws Exception {
        return dev.fleetdeck.support.ChildJvm.start(dir, args);
    }

    private String err() throws java.io.IOException {
        Path e = dir.resolve("err.txt");
        return Files.exists(e) ? "\nstderr:\n" + Files.readString(e) : "";
    }
}
