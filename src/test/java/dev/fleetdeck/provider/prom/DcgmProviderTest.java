package dev.fleetdeck.provider.prom;

import dev.fleetdeck.config.ConfigLoader;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.sim.DcgmExporter;
import dev.fleetdeck.provider.sim.SimSettings;
import dev.fleetdeck.support.ExternalBinary;
import dev.fleetdeck.support.FaultServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
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
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The dcgm provider scraping the simulated exporter over real HTTP on 127.0.0.1. */
class DcgmProviderTest {
    @TempDir
    Path dir;
    private DcgmExporter exporter;
    private FleetDeckConfig config;

    @BeforeEach
    void start() throws Exception {
        exporter = new DcgmExporter(GroundTruth.fleet(12), 0, Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        if (config != null) {
            config.close();
        }
        exporter.close();
    }

    private FleetProvider provider(String options) throws Exception {
        String yaml = """
                providers:
                  - name: dcgm
                    type: dcgm
                    concurrency: 4
                    options:
                %s
                """.formatted(options.indent(6));
        config = new ConfigLoader(ProviderRegistry.load()).parse(yaml, "t.yaml");
        return config.providers().getFirst().provider();
    }

    private byte[] get(String path) throws Exception {
        try (HttpClient c = HttpClient.newHttpClient()) {
            return c.send(HttpRequest.newBuilder(exporter.uri().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        }
    }

    @Test
    void oneCombinedEndpointMatchesTheSimulatedFleet() throws Exception {
        ProviderSnapshot snap = provider("targets: [\"" + exporter.uri() + "/metrics\"]").poll();
        assertThat(snap.warnings()).isEmpty();
        GroundTruth.assertMatches(exporter.nodes(), snap.nodes(), false);
    }

    @Test
    void perNodeTargetsFromAFileSdListCarryTheirRegions() throws Exception {
        Path sd = dir.resolve("targets.json");
        Files.write(sd, get("/targets.json"));
        ProviderSnapshot snap = provider("targets-file: " + sd).poll();
        GroundTruth.assertMatches(exporter.nodes(), snap.nodes(), true);
    }

    @Test
    void aSavedScrapeInAFileIsATarget() throws Exception {
        Path saved = dir.resolve("scrape.txt");
        Files.write(saved, exporter.render());
        ProviderSnapshot snap = provider("targets: [\"file:" + saved + "\"]\nregion: lab").poll();
        GroundTruth.assertMatches(exporter.nodes(), snap.nodes(), false);
        assertThat(snap.nodes()).allSatisfy(n -> assertEquals("lab", n.region()));
    }

    @Test
    void aDeadTargetIsDownNotAFailedProviderAndItsNodesStayUnreachable() throws Exception {
        Path sd = dir.resolve("targets.json");
        Files.write(sd, get("/targets.json"));
        int dead = FaultServer.closedPort();
        FleetProvider p = provider("targets-file: " + sd + "\ntargets: [\"http://127.0.0.1:" + dead + "/metrics\"]");
        ProviderSnapshot snap = p.poll();
        assertEquals(GroundTruth.visible(exporter.nodes()).size(), snap.nodes().size());
        assertEquals(1, snap.warnings().size());
        assertThat(snap.warnings().getFirst()).startsWith("target down: cannot connect to http://127.0.0.1:" + dead
                + "/metrics");

        // A second exporter answers once, then dies: its nodes are kept, unreachable, not dropped.
        var d = SimSettings.defaults();
        var edgeFleet = new SimSettings(5, 3, 8, List.of("edge-1"), d.models(), 4, 1.0,
                "edge", java.util.Optional.empty(), 0.0);
        DcgmExporter edge = new DcgmExporter(edgeFleet, 0, Duration.ofHours(1));
        config.close();
        p = provider("targets-file: " + sd + "\ntargets: [\"" + edge.uri() + "/metrics\"]");
        snap = p.poll();
        List<String> edgeHosts = GroundTruth.visible(edge.nodes()).stream().map(Node::hostname).toList();
        assertThat(snap.nodes()).extracting(Node::hostname).containsAll(edgeHosts);
        edge.close();
        snap = p.poll();
        for (String host : edgeHosts) {
            Node gone = snap.nodes().stream().filter(n -> n.hostname().equals(host)).findFirst().orElseThrow();
            assertEquals(NodeState.UNREACHABLE, gone.state());
            assertEquals(8, gone.expectedGpus(), "its inventory is remembered");
            assertThat(gone.healthReasons()).anySatisfy(r -> assertEquals("target-down", r.code()));
        }
        assertThat(snap.warnings()).anySatisfy(w -> assertThat(w).startsWith("target down: "));
    }

    @Test
    void everyTargetDownFailsThePoll() throws Exception {
        int dead = FaultServer.closedPort();
        FleetProvider p = provider("targets: [\"http://127.0.0.1:" + dead + "/metrics\"]");
        ProviderException e = assertThrows(ProviderException.class, p::poll);
        assertEquals(ProviderException.Kind.UNREACHABLE, e.kind());
    }

    @Test
    void aMalformedScrapeNamesTheTargetAndLine() throws Exception {
        Path saved = dir.resolve("broken.txt");
        Files.writeString(saved, "DCGM_FI_DEV_GPU_TEMP{gpu=\"0\",Hostname=\"a\"} 40\nDCGM_FI_DEV_GPU_TEMP{gpu=\"1\" 41\n");
        // One malformed line fails that line alone: the target's other series still count, and the line is named.
        ProviderSnapshot snap = provider("targets: [\"file:" + saved + "\"]").poll();
        assertThat(snap.nodes()).hasSize(1);
        assertThat(snap.nodes().getFirst().gpus().getFirst().temperatureC()).isEqualTo(40.0);
        assertThat(snap.warnings()).hasSize(1);
        assertThat(snap.warnings().getFirst()).contains("file:" + saved).contains("1 malformed line skipped")
                .contains("line 2: expected ',' or '}'");

        Files.writeString(saved, "DCGM_FI_DEV_GPU_TEMP{gpu=\"1\" 41\n");
        ProviderException e = assertThrows(ProviderException.class, () -> provider("targets: [\"file:" + saved
                + "\"]").poll());
        assertThat(e.getMessage()).contains("malformed exposition: file:" + saved + ": line 1: expected ',' or '}'");
    }

    @Test
    void theExporterOutputPassesPromtoolLikeARealDcgmExporter() throws Exception {
        Path promtool = ExternalBinary.require("promtool");
        Path file = dir.resolve("exporter.txt");
        Files.write(file, exporter.render());
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(out).doesNotContain("error while linting");
        // promtool's style lint flags dcgm-exporter's own naming (camelCase labels such as modelName, counters ending
        // _TOTAL): the real exporter's output in the fixtures gets the same findings. Nothing else is allowed.
        List<String> findings = out.lines().map(l -> l.replaceFirst("^\\S+ ", "")).distinct().toList();
        assertThat(findings).isSubsetOf("label names should be written in 'snake_case' not 'camelCase'",
                "counter metrics should have \"_total\" suffix");
        assertThat(p.exitValue()).as(out).isIn(0, 3);
    }

    @Test
    void perNodePathsAndUnknownPaths() throws Exception {
        String host = GroundTruth.visible(exporter.nodes()).getFirst().hostname();
        String one = new String(get("/nodes/" + host + "/metrics"));
        assertThat(one).contains("Hostname=\"" + host + "\"");
        assertThat(one.lines().filter(l -> l.startsWith("DCGM") && !l.contains(host))).isEmpty();
        assertThat(new String(get("/nodes/nope/metrics"))).startsWith("no node nope");
        assertThat(URI.create(exporter.uri() + "/metrics").getPort()).isEqualTo(exporter.port());
    }
}
