package dev.fleetdeck.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) on 127.0.0.1 and a free port, clustering off, with
 * a receiver that sends nowhere; stopped by its handle. Can be stopped and started again on the same port and data
 * directory, as an Alertmanager restart is.
 */
public final class AlertmanagerServer implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Path bin;
    private final Path dir;
    private final int port;
    private Process process;

    private AlertmanagerServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    public static AlertmanagerServer start(Path dir) throws Exception {
        AlertmanagerServer s = new AlertmanagerServer(ExternalBinary.require("prometheus-alertmanager"), dir,
                TsdbServer.freePort());
        Files.writeString(dir.resolve("alertmanager.yml"), """
                route:
                  receiver: nowhere
                  group_wait: 1s
                receivers:
                  - name: nowhere
                """);
        s.startProcess();
        return s;
    }

    private void startProcess() throws Exception {
        Path log = dir.resolve("alertmanager.log");
        List<String> argv = List.of(bin.toString(), "--config.file=" + dir.resolve("alertmanager.yml"),
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=", "--log.level=warn");
        process = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("alertmanager exited with " + process.exitValue() + ": "
                            + Files.readString(log));
                }
                try {
                    var r = http.send(HttpRequest.newBuilder(uri().resolve("/-/ready"))
                            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("alertmanager was not ready within 30 s: " + Files.readString(log));
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Alertmanager's own list of the alerts it holds ({@code GET /api/v2/alerts}, resolved ones included). */
    public JsonNode alerts() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            var r = http.send(HttpRequest.newBuilder(uri().resolve("/api/v2/alerts")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v2/alerts: HTTP " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        }
    }

    /** Alertmanager's silences ({@code GET /api/v2/silences}). */
    public JsonNode silences() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            var r = http.send(HttpRequest.newBuilder(uri().resolve("/api/v2/silences"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        }
    }

    /** A silence made in Alertmanager itself, as an operator would with amtool or its UI. */
    public void createSilence(String label, String value, String by, String comment, Duration length)
            throws Exception {
        java.time.Instant now = java.time.Instant.now();
        String body = "{\"matchers\":[{\"name\":\"" + label + "\",\"value\":\"" + value
                + "\",\"isRegex\":false,\"isEqual\":true}],\"startsAt\":\"" + now + "\",\"endsAt\":\""
                + now.plus(length) + "\",\"createdBy\":\"" + by + "\",\"comment\":\"" + comment + "\"}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            var r = http.send(HttpRequest.newBuilder(uri().resolve("/api/v2/silences")).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("POST /api/v2/silences: HTTP " + r.statusCode() + " " + r.body());
            }
        }
    }

    /** An alert posted to Alertmanager by another sender (Prometheus, a script): {@code labels} as JSON pairs. */
    public void postAlert(java.util.Map<String, String> labels, String summary) throws Exception {
        StringBuilder b = new StringBuilder("[{\"labels\":{");
        labels.forEach((k, v) -> b.append('"').append(k).append("\":\"").append(v).append("\","));
        b.setLength(b.length() - 1);
        b.append("},\"annotations\":{\"summary\":\"").append(summary).append("\"}}]");
        try (HttpClient http = HttpClient.newHttpClient()) {
            var r = http.send(HttpRequest.newBuilder(uri().resolve("/api/v2/alerts")).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(b.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("POST /api/v2/alerts: HTTP " + r.statusCode() + " " + r.body());
            }
        }
    }

    /** Stops it the hard way (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts it again on the same port and data directory. */
    public void restart() throws Exception {
        startProcess();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
