package dev.fleetdeck.provider.prom;

import dev.fleetdeck.config.ConfigLoader;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.provider.ProviderSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real dcgm-exporter outputs read through {@code type: dcgm} with a {@code file:} target, GPU by GPU. */
class DcgmRealCapturesTest {
    private FleetDeckConfig config;

    @AfterEach
    void close() {
        if (config != null) {
            config.close();
        }
    }

    private ProviderSnapshot poll(String file) throws Exception {
        Path p = Path.of("src/test/resources/real/dcgm-exporter", file).toAbsolutePath();
        config = new ConfigLoader(ProviderRegistry.load()).parse("""
                providers:
                  - name: k8s
                    type: dcgm
                    options:
                      targets: ["file:%s"]
                """.formatted(p), "t.yaml");
        return config.providers().getFirst().provider().poll();
    }

    private static Node node(List<Node> nodes, String host) {
        return nodes.stream().filter(n -> n.hostname().equals(host)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + host + " in " + nodes));
    }

    /**
     * Datadog's dcgm fixture: two T4 hosts, an A10G seen only through a profiling series with a pod's labels, unlabelled
     * series at the end, no final newline.
     */
    @Test
    void aKubernetesScrapeWithUnlabelledSeriesGivesExactlyItsThreeGpus() throws Exception {
        ProviderSnapshot snap = poll("datadog-dcgm-t4-a10g-k8s.metrics.txt");
        assertThat(snap.nodes()).extracting(Node::hostname)
                .containsExactlyInAnyOrder("424773df46e0", "551bdf382151", "ip-11111");
        assertThat(snap.nodes()).flatExtracting(Node::gpus).hasSize(3).allSatisfy(g -> {
            assertThat(g.index()).isGreaterThanOrEqualTo(0);
            assertThat(g.model()).isNotEqualTo("unknown");
        });

        Gpu first = node(snap.nodes(), "424773df46e0").gpus().getFirst();
        assertEquals("GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e", first.uuid());
        assertEquals("T4", first.model());
        assertEquals(25.0, first.temperatureC());
        assertEquals(8.969, first.powerW(), 1e-12);
        assertEquals(0.0, first.utilizationPct());
        assertEquals(0.0, first.memoryUsedMiB());
        assertEquals(15109.0, first.memoryTotalMiB(), "FB_USED + FB_FREE");
        assertTrue(Double.isNaN(first.memoryTemperatureC()), "the unlabelled MEMORY_TEMP 0 belongs to no GPU");
        assertEquals("460.106.00", node(snap.nodes(), "424773df46e0").driverVersion());

        Gpu second = node(snap.nodes(), "551bdf382151").gpus().getFirst();
        assertEquals("T4", second.model());
        assertEquals(15109.0, second.memoryTotalMiB(), "from DCGM_FI_DEV_FB_TOTAL");
        assertEquals(70.0, second.powerLimitW());
        assertThat(second.throttleReasons()).isEmpty();

        Node a10g = node(snap.nodes(), "ip-11111");
        assertEquals("A10G", a10g.gpuModel());
        assertEquals("GPU-abc", a10g.gpus().getFirst().uuid());
        assertEquals(NodeState.RENTED, a10g.state(), "a pod of ray-llm holds it");
        assertEquals(Optional.of("ray-llm"), a10g.tenant());
        assertTrue(Double.isNaN(a10g.gpus().getFirst().utilizationPct()), "no utilisation series for it");
    }

    /** NVIDIA's EKS conformance evidence: 8 H100s, workload labels only on GPU 2. */
    @Test
    void anEksScrapeOfEightH100s() throws Exception {
        ProviderSnapshot snap = poll("../../fixtures/dcgm-exporter/aicr-eks-8xh100-sampled-ip-100-64-147-149.metrics.txt");
        assertThat(snap.nodes()).hasSize(1);
        Node n = snap.nodes().getFirst();
        assertEquals(8, n.gpus().size());
        assertThat(n.gpus()).extracting(Gpu::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(n.gpus()).allSatisfy(g -> assertEquals("H100", g.model()));
        assertEquals(NodeState.RENTED, n.state());
    }
}
