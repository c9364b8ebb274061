package dev.fleetdeck.service.noc;

import com.sun.net.httpserver.HttpServer;
import dev.fleetdeck.model.ExternalAlert;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.service.alerts.ExternalAlerts;
import dev.fleetdeck.support.AlertmanagerServer;
import dev.fleetdeck.support.SimFrames;
import dev.fleetdeck.support.TsdbServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alerts a real Prometheus and a real Alertmanager hold come in, joined to FleetDeck's nodes; ours stay out. */
class ExternalAlertSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void prometheusAndAlertmanagerAlertsArriveJoinedToNodes() throws Exception {
        FleetSnapshot snap = new SimFrames(3, Duration.ofSeconds(10)).frames(1, 0, 0).getFirst().snapshot();
        Node a = snap.nodes().getFirst();
        Node b = snap.nodes().getLast();
        Files.createDirectories(dir.resolve("prom"));
        Files.createDirectories(dir.resolve("am"));
        String rules = """
                groups:
                  - name: gpu
                    rules:
                      - alert: NodeExporterDown
                        expr: vector(1)
                        labels: {severity: critical, instance: "%s:9100"}
                        annotations: {summary: "node_exporter is not answering"}
                """.formatted(a.hostname());
        try (TsdbServer prometheus = TsdbServer.prometheusWithRules(dir.resolve("prom"), rules);
             AlertmanagerServer am = AlertmanagerServer.start(dir.resolve("am"))) {
            am.postAlert(Map.of("alertname", "DiskFull", "severity", "warning", "node", b.hostname() + ".dc1.example",
                    "provider", b.provider()), "/var is 97 % full");
            am.postAlert(Map.of("alertname", "gpu-critical", "generator", "fleetdeck", "node", b.hostname()),
                    "ours");
            AtomicReference<List<ExternalAlert>> got = new AtomicReference<>(List.of());
            try (ExternalAlertSource source = new ExternalAlertSource(List.of(
                    new ExternalAlertSource.Spec(ExternalAlertSource.Spec.Kind.PROMETHEUS, prometheus.uri()),
                    new ExternalAlertSource.Spec(ExternalAlertSource.Spec.Kind.ALERTMANAGER, am.uri())), got::set)) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (got.get().size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    if (got.get().size() < 2) {
                        got.set(List.of());
                        got.set(merge(source));
                    }
                }
            }
            List<ExternalAlert> joined = ExternalAlerts.join(got.get(), snap);
            assertEquals(2, joined.size(), "Prometheus' and Alertmanager's, not FleetDeck's own: " + joined);
            ExternalAlert fromProm = joined.stream().filter(x -> x.name().equals("NodeExporterDown")).findFirst()
                    .orElseThrow();
            assertEquals(Health.CRIT, fromProm.severity());
            assertTrue(fromProm.source().startsWith("prometheus 127.0.0.1:"), fromProm.source());
            assertEquals("node_exporter is not answering", fromProm.summary());
            assertEquals(java.util.Optional.of(a.provider() + "/" + a.hostname()), fromProm.node(),
                    "instance host:port joined to the node");
            ExternalAlert fromAm = joined.stream().filter(x -> x.name().equals("DiskFull")).findFirst().orElseThrow();
            assertEquals(Health.WARN, fromAm.severity());
            assertEquals("active", fromAm.state());
            assertEquals(java.util.Optional.of(b.provider() + "/" + b.hostname()), fromAm.node(),
                    "a fully qualified name joined by its short name");
        }
    }

    /** Reads both sources once, as the thread does every 15 s (the first round may run before Prometheus fired). */
    private static List<ExternalAlert> merge(ExternalAlertSource source) throws Exception {
        List<ExternalAlert> all = new java.util.ArrayList<>();
        for (ExternalAlertSource.Spec s : source.sources()) {
            all.addAll(source.read(s));
        }
        return all;
    }

    @Test
    void aSourceAnsweringNonsenseIsAnErrorNamingItAndTheOtherStillCounts() throws Exception {
        HttpServer bad = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        bad.createContext("/", ex -> {
            try (ex) {
                byte[] body = "<html>proxy login</html>".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        bad.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + bad.getAddress().getPort());
            AtomicReference<List<ExternalAlert>> got = new AtomicReference<>();
            try (ExternalAlertSource source = new ExternalAlertSource(List.of(
                    new ExternalAlertSource.Spec(ExternalAlertSource.Spec.Kind.ALERTMANAGER, uri)), got::set)) {
                try {
                    source.read(new ExternalAlertSource.Spec(ExternalAlertSource.Spec.Kind.ALERTMANAGER, uri));
                    throw new AssertionError("nonsense was read as alerts");
                } catch (java.io.IOException e) {
                    assertEquals("the answer is not JSON", e.getMessage());
                }
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (got.get() == null && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(List.of(), got.get(), "a failing source adds nothing and takes nothing down");
            }
        } finally {
            bad.stop(0);
        }
    }
}
