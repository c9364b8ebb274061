package dev.fleetdeck.bench;

import dev.fleetdeck.config.ConfigLoader;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.sim.DcgmExporter;
import dev.fleetdeck.provider.sim.SimSettings;
import dev.fleetdeck.support.TsdbServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Side by side in one run: FleetDeck's dcgm provider polling a simulated exporter of 1,000 nodes × 8 GPUs, and a
 * real Prometheus scraping the same endpoint (its own {@code scrape_duration_seconds}). The exporter's fleet is
 * frozen so both read the same bytes. Prints both and the ratio. Run with {@code mvn -B -Pbench verify -DskipTests}.
 */
public final class ScrapeComparison {
    private ScrapeComparison() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        SimSettings d = SimSettings.defaults();
        SimSettings fleet = new SimSettings(42, nodes, 8, d.regions(), d.models(), 64, 1.0, "gpu", Optional.empty(), 1.0);
        Path dir = Files.createTempDirectory("fleetdeck-scrape-bench");
        try (DcgmExporter exporter = new DcgmExporter(fleet, 0, Duration.ofHours(1));
             TsdbServer prom = TsdbServer.prometheus(dir, """
                       - job_name: dcgm
                         scrape_interval: 2s
                         scrape_timeout: 2s
                         static_configs:
                           - targets: ['127.0.0.1:%d']
                     """.formatted(exporter.port()))) {
            int bytes = exporter.render().length;
            String yaml = """
                    providers:
                      - name: dcgm
                        type: dcgm
                        timeout: 20s
                        options:
                          targets: ["%s/metrics"]
                    """.formatted(exporter.uri());
            try (FleetDeckConfig config = new ConfigLoader(ProviderRegistry.load()).parse(yaml, "bench")) {
                FleetProvider p = config.providers().getFirst().provider();
                for (int i = 0; i < 5; i++) {
                    p.poll(); // warm up the JIT
                }
                double[] ms = new double[15];
                int gpus = 0;
                for (int i = 0; i < ms.length; i++) {
                    long t0 = System.nanoTime();
                    ProviderSnapshot s = p.poll();
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                    gpus = s.nodes().stream().mapToInt(n -> n.gpus().size()).sum();
                    Thread.sleep(500);
                }
                Thread.sleep(4000);
                double promSeconds = promScrapeSeconds(prom.uri());
                Arrays.sort(ms);
                double median = ms[ms.length / 2];
                System.out.printf("scrape of %,d nodes (%,d GPUs, %,d bytes, one endpoint):%n", nodes, gpus, bytes);
                System.out.printf("  FleetDeck dcgm provider poll: median %.1f ms (min %.1f, max %.1f) over %d polls%n",
                        median, ms[0], ms[ms.length - 1], ms.length);
                System.out.printf("  Prometheus scrape_duration_seconds: %.1f ms (mean over the last 30 s)%n",
                        promSeconds * 1000);
                System.out.printf("  ratio Prometheus / FleetDeck: %.2f%n", promSeconds * 1000 / median);
            }
        }
    }

    private static double promScrapeSeconds(URI base) throws Exception {
        String q = URLEncoder.encode("avg_over_time(scrape_duration_seconds{job=\"dcgm\"}[30s])", StandardCharsets.UTF_8);
        try (HttpClient c = HttpClient.newHttpClient()) {
            String body = c.send(HttpRequest.newBuilder(base.resolve("/api/v1/query?query=" + q)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            var m = java.util.regex.Pattern.compile("\"value\":\\[[0-9.]+,\"([0-9.eE+-]+)\"\\]").matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("Prometheus has no scrape_duration_seconds: " + body);
            }
            return Double.parseDouble(m.group(1));
        }
    }
}
