package dev.fleetdeck.provider.prom;

import dev.fleetdeck.config.ConfigLoader;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.provider.AggregateHistory;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.sim.DcgmExporter;
import dev.fleetdeck.service.history.FleetHistory;
import dev.fleetdeck.service.history.HistoryBackfillAccess;
import dev.fleetdeck.support.TsdbServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The prometheus provider against a real Prometheus and a real VictoriaMetrics, each started here on 127.0.0.1
 * and scraping the simulated exporter's per-node endpoints every second (file_sd with region labels). The fleet is
 * frozen during the test, so what the provider reads must equal the simulator's ground truth: node and GPU counts
 * exactly, and every value. Skipped on a developer machine without the servers; fails in CI (CI=true) without them.
 */
class RealTsdbTest {
    @TempDir
    Path dir;
    private DcgmExporter exporter;
    private FleetDeckConfig config;
    private Path targets;

    @BeforeEach
    void start() throws Exception {
        exporter = new DcgmExporter(GroundTruth.fleet(20), 0, Duration.ofHours(1));
        targets = dir.resolve("targets.json");
        try (HttpClient c = HttpClient.newHttpClient()) {
            Files.write(targets, c.send(HttpRequest.newBuilder(exporter.uri().resolve("/targets.json")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body());
        }
    }

    @AfterEach
    void stop() {
        if (config != null) {
            config.close();
        }
        exporter.close();
    }

    private String scrapeConfig() {
        return """
                  - job_name: dcgm
                    file_sd_configs:
                      - files: ['%s']
                """.formatted(targets);
    }

    private FleetProvider provider(String url) throws Exception {
        String yaml = """
                providers:
                  - name: tsdb
                    type: prometheus
                    options:
                      url: %s
                      selector: 'job="dcgm"'
                """.formatted(url);
        config = new ConfigLoader(ProviderRegistry.load()).parse(yaml, "t.yaml");
        return config.providers().getFirst().provider();
    }

    /** Polls until every node and GPU has been scraped into the store (or 40 s pass). */
    private ProviderSnapshot pollUntilComplete(FleetProvider p, TsdbServer server) throws Exception {
        List<Node> visible = GroundTruth.visible(exporter.nodes());
        int gpus = visible.stream().mapToInt(n -> n.gpus().size()).sum();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        ProviderSnapshot last = null;
        String lastError = "";
        while (System.nanoTime() < deadline) {
            try {
                last = p.poll();
                int seen = last.nodes().stream().mapToInt(n -> n.gpus().size()).sum();
                if (last.nodes().size() == visible.size() && seen == gpus && last.warnings().isEmpty()
                        && complete(last)) {
                    return last;
                }
            } catch (ProviderException e) {
                lastError = e.getMessage();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the store never held the whole fleet; last: "
                + (last == null ? lastError : last.nodes().size() + " nodes " + last.warnings()) + "\n" + server.log());
    }

    /** Every series of every GPU has arrived (a scrape may land between two of our polls). */
    private static boolean complete(ProviderSnapshot s) {
        return s.nodes().stream().flatMap(n -> n.gpus().stream()).allMatch(g -> !Double.isNaN(g.powerW())
                && !Double.isNaN(g.memoryTotalMiB()) && !Double.isNaN(g.utilizationPct()));
    }

    @Test
    void prometheusHoldsTheSimulatedFleet() throws Exception {
        try (TsdbServer prom = TsdbServer.prometheus(dir, scrapeConfig())) {
            FleetProvider p = provider(prom.uri().toString());
            ProviderSnapshot snap = pollUntilComplete(p, prom);
            GroundTruth.assertMatches(exporter.nodes(), snap.nodes(), true);
            assertThat(snap.nodes()).extracting(Node::provider).containsOnly("tsdb");
            assertBackfillMatches(p);
        }
    }

    /** query_range, summed server-side, gives the fleet's trends; the newest point equals the frozen fleet. */
    private void assertBackfillMatches(FleetProvider p) throws Exception {
        List<Node> truth = GroundTruth.visible(exporter.nodes());
        double power = truth.stream().flatMap(n -> n.gpus().stream()).mapToDouble(g -> g.powerW()).sum();
        double util = truth.stream().flatMap(n -> n.gpus().stream()).mapToDouble(g -> g.utilizationPct()).average()
                .orElseThrow();
        int gpus = truth.stream().mapToInt(n -> n.gpus().size()).sum();
        // The newest grid point must lie after every series' first scrape: ask until it does.
        AggregateHistory history;
        int last;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        do {
            java.time.Instant now = java.time.Instant.now();
            history = p.aggregateHistory(now.minusSeconds(60), now, Duration.ofSeconds(5)).orElseThrow();
            last = history.epochMillis().length - 1;
            if (history.temperatureCount()[last] == gpus) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        assertEquals(power, history.powerW()[last], 1e-6);
        assertEquals(util, history.utilizationSum()[last] / history.utilizationCount()[last], 1e-9);
        assertEquals(gpus, history.temperatureCount()[last]);
        var fleetHistory = new FleetHistory();
        int written = HistoryBackfillAccess.run(List.of(p), fleetHistory);
        assertThat(written).isPositive();
        var series = fleetHistory.query("power-kw", Duration.ofHours(1), java.time.Instant.now());
        double newest = series.values()[series.size() - 1];
        assertEquals(power / 1000, newest, 1e-9, "backfilled fleet power, kW, on a 1 s grid");
    }

    @Test
    void victoriaMetricsHoldsTheSimulatedFleet() throws Exception {
        try (TsdbServer vm = TsdbServer.victoriaMetrics(dir, scrapeConfig())) {
            FleetProvider p = provider(vm.uri().toString());
            ProviderSnapshot snap = pollUntilComplete(p, vm);
            GroundTruth.assertMatches(exporter.nodes(), snap.nodes(), true);
        }
    }

    @Test
    void aBadSelectorIsReportedWithPrometheusOwnWords() throws Exception {
        try (TsdbServer prom = TsdbServer.prometheus(dir, scrapeConfig())) {
            String yaml = """
                    providers:
                      - name: tsdb
                        type: prometheus
                        options:
                          url: %s
                          selector: 'job=~"('
                    """.formatted(prom.uri());
            config = new ConfigLoader(ProviderRegistry.load()).parse(yaml, "t.yaml");
            ProviderException e = org.junit.jupiter.api.Assertions.assertThrows(ProviderException.class,
                    () -> config.providers().getFirst().provider().poll());
            assertEquals(ProviderException.Kind.BAD_DATA, e.kind());
            assertThat(e.getMessage()).contains("HTTP 400 Bad Request").contains("/api/v1/query").contains("bad_data");
        }
    }
}
