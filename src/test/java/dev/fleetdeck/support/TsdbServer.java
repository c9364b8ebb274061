package dev.fleetdeck.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus or VictoriaMetrics, started on 127.0.0.1 with a free port, a scrape config of the test's
 * and its data in a temporary folder; stopped (with its children) and reaped by {@link #close()}.
 */
public final class TsdbServer implements AutoCloseable {
    private final Process process;
    private final URI uri;
    private final Path log;

    private TsdbServer(Process process, URI uri, Path log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /** Prometheus scraping what {@code scrapeConfigs} (YAML list items) say, every second. */
    public static TsdbServer prometheus(Path dir, String scrapeConfigs) throws Exception {
        Path bin = ExternalBinary.require("prometheus");
        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n"
                + scrapeConfigs);
        List<String> argv = List.of(bin.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn");
        return start(argv, dir, URI.create("http://127.0.0.1:" + port), "/-/ready");
    }

    /** Prometheus evaluating {@code rules} (a rule file's text) every second, scraping nothing. */
    public static TsdbServer prometheusWithRules(Path dir, String rules) throws Exception {
        Path bin = ExternalBinary.require("prometheus");
        int port = freePort();
        Path ruleFile = Files.writeString(dir.resolve("rules.yml"), rules);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  evaluation_interval: 1s\nrule_files:\n  - " + ruleFile + "\n");
        List<String> argv = List.of(bin.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn");
        return start(argv, dir, URI.create("http://127.0.0.1:" + port), "/-/ready");
    }

    /** VictoriaMetrics with its built-in scraper (newest data visible at once: -search.latencyOffset=0s). */
    public static TsdbServer victoriaMetrics(Path dir, String scrapeConfigs) throws Exception {
        Path bin = ExternalBinary.require("victoria-metrics");
        int port = freePort();
        Path config = dir.resolve("scrape.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\nscrape_configs:\n" + scrapeConfigs);
        List<String> argv = new ArrayList<>(List.of(bin.toString(), "-httpListenAddr=127.0.0.1:" + port,
                "-storageDataPath=" + dir.resolve("vmdata"), "-promscrape.config=" + config,
                "-search.latencyOffset=0s", "-loggerLevel=WARN", "-search.disableCache"));
        return start(argv, dir, URI.create("http://127.0.0.1:" + port), "/health");
    }

    private static TsdbServer start(List<String> argv, Path dir, URI uri, String readyPath) throws Exception {
        Path log = dir.resolve("server.log");
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        TsdbServer server = new TsdbServer(p, uri, log);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(argv.getFirst() + " exited with " + p.exitValue() + ": "
                            + Files.readString(log));
                }
                try {
                    var r = http.send(HttpRequest.newBuilder(uri.resolve(readyPath)).timeout(Duration.ofSeconds(1))
                            .build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return server;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
        }
        server.close();
        throw new IllegalStateException(argv.getFirst() + " was not ready within 30 s: " + Files.readString(log));
    }

    public URI uri() {
        return uri;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
