package dev.fleetdeck.provider.prom;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ThrottleReason;
import dev.fleetdeck.provider.prom.dcgm.DcgmCollector;
import dev.fleetdeck.provider.prom.dcgm.LabelMapping;
import dev.fleetdeck.provider.prom.expo.ExpositionParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dcgm-exporter series, from a real scrape and a real PromQL answer, become the right node and GPUs. */
class DcgmCollectorTest {

    @Test
    void realEksScrapeOfEightH100s() throws Exception {
        byte[] b = ExpositionParserTest.resource(
                "/fixtures/dcgm-exporter/aicr-eks-8xh100-sampled-ip-100-64-147-149.metrics.txt");
        DcgmCollector c = new DcgmCollector(LabelMapping.defaults(), "target-host", Map.of("region", "us-east-1"));
        new ExpositionParser(false).parse(b, b.length, "aicr", c);
        List<Node> nodes = c.nodes("eks", new HashMap<>());
        assertEquals(1, nodes.size());
        Node n = nodes.getFirst();
        assertEquals("ip-100-64-147-149.ec2.internal", n.hostname());
        assertEquals("us-east-1", n.region(), "from the target's labels");
        assertEquals("H100", n.gpuModel());
        assertEquals("580.105.08", n.driverVersion());
        assertEquals(8, n.gpus().size());
        assertEquals(NodeState.RENTED, n.state(), "GPU 2 runs a vLLM pod");
        assertEquals("dynamo-workload", n.tenant().orElseThrow());
        Gpu g2 = n.gpus().get(2);
        assertEquals("GPU-8d76cfcf-a144-5e43-876b-a4b71f2aecd1", g2.uuid());
        assertEquals(29.0, g2.temperatureC());
        assertEquals(110.786, g2.powerW());
        assertEquals(0.0, g2.utilizationPct());
        assertEquals(67.433, n.gpus().get(0).powerW());
        assertTrue(Double.isNaN(g2.memoryUsedMiB()), "FB_USED is not in this sample");
    }

    @Test
    void realPromqlAnswerWithTheExportersOwnPodLabels() throws Exception {
        byte[] b = ExpositionParserTest.resource("/fixtures/prometheus-api/aicr-query-dcgm-fb-used-8xh100-vector.json");
        DcgmCollector c = new DcgmCollector(LabelMapping.defaults(), null, Map.of());
        PromResponse.Outcome o = PromResponse.readVector(b, c::accept);
        assertEquals("success", o.status());
        assertEquals("vector", o.resultType());
        Node n = c.nodes("prom", new HashMap<>()).getFirst();
        assertEquals("ip-100-64-147-149.ec2.internal", n.hostname());
        assertEquals(74166.0, n.gpus().get(2).memoryUsedMiB());
        assertEquals(0.0, n.gpus().get(0).memoryUsedMiB());
        assertEquals("dynamo-workload", n.tenant().orElseThrow(),
                "the exporter's own pod (gpu-operator/nvidia-dcgm-exporter-…) is not a tenant");
    }

    @Test
    void migInstancesFoldIntoTheirGpuAndRenamedLabelsAreRead() throws Exception {
        String text = """
                DCGM_FI_PROF_GR_ENGINE_ACTIVE{gpu="0",UUID="GPU-a",modelName="NVIDIA A100-SXM4-80GB",GPU_I_ID="1",GPU_I_PROFILE="3g.40gb",hostname="n1",exported_pod="train-1",exported_namespace="acme",pod="dcgm-exporter-x",namespace="gpu-operator"} 0.5
                DCGM_FI_PROF_GR_ENGINE_ACTIVE{gpu="0",UUID="GPU-a",modelName="NVIDIA A100-SXM4-80GB",GPU_I_ID="2",GPU_I_PROFILE="1g.10gb",hostname="n1"} 0.25
                DCGM_FI_PROF_GR_ENGINE_ACTIVE{gpu="0",UUID="GPU-a",modelName="NVIDIA A100-SXM4-80GB",GPU_I_ID="3",GPU_I_PROFILE="1g.10gb",hostname="n1"} 0
                DCGM_FI_DEV_FB_USED{gpu="0",UUID="GPU-a",GPU_I_ID="1",GPU_I_PROFILE="3g.40gb",hostname="n1"} 30000
                DCGM_FI_DEV_FB_FREE{gpu="0",UUID="GPU-a",GPU_I_ID="1",GPU_I_PROFILE="3g.40gb",hostname="n1"} 10000
                DCGM_FI_DEV_FB_USED{gpu="0",UUID="GPU-a",GPU_I_ID="2",GPU_I_PROFILE="1g.10gb",hostname="n1"} 1000
                DCGM_FI_DEV_FB_FREE{gpu="0",UUID="GPU-a",GPU_I_ID="2",GPU_I_PROFILE="1g.10gb",hostname="n1"} 9000
                DCGM_FI_DEV_CLOCK_THROTTLE_REASONS{gpu="0",UUID="GPU-a",hostname="n1"} 64
                DCGM_FI_DEV_XID_ERRORS{gpu="0",UUID="GPU-a",hostname="n1"} 79
                DCGM_FI_DEV_ROW_REMAP_FAILURE{gpu="0",UUID="GPU-a",hostname="n1"} 1
                DCGM_FI_DEV_GPU_TEMP{gpu="1",UUID="GPU-b",modelName="NVIDIA A100-SXM4-80GB",instance="10.0.0.7:9400"} 41
                """;
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        DcgmCollector c = new DcgmCollector(LabelMapping.defaults(), null, Map.of());
        new ExpositionParser(false).parse(b, b.length, "t", c);
        List<Node> nodes = c.nodes("p", new HashMap<>());
        Node n1 = nodes.getFirst();
        assertEquals(1, n1.gpus().size(), "three MIG instances are one GPU of capacity");
        Gpu g = n1.gpus().getFirst();
        assertEquals(25.0, g.utilizationPct(), 1e-9, "mean engine activity of the instances");
        assertEquals(31000.0, g.memoryUsedMiB());
        assertEquals(50000.0, g.memoryTotalMiB());
        assertEquals("MIG 1g.10gb ×2, 3g.40gb", g.migProfile());
        assertEquals(79, g.lastXid());
        assertThat(g.throttleReasons()).containsExactly(ThrottleReason.HW_THERMAL_SLOWDOWN);
        assertThat(g.healthReasons()).extracting(r -> r.code()).containsExactly("row-remap-failure");
        assertEquals("acme", n1.tenant().orElseThrow(), "exported_namespace wins over the exporter's namespace");
        assertEquals("10.0.0.7", nodes.get(1).hostname(), "instance without its port as the last resort");
    }

    @Test
    void aGpuThatStopsReportingShowsAsMissing() throws Exception {
        Map<String, Integer> inventory = new HashMap<>();
        for (int gpus : new int[] {8, 7}) {
            StringBuilder t = new StringBuilder();
            for (int i = 0; i < gpus; i++) {
                t.append("DCGM_FI_DEV_GPU_TEMP{gpu=\"").append(i).append("\",Hostname=\"n\"} 40\n");
            }
            byte[] b = t.toString().getBytes(StandardCharsets.UTF_8);
            DcgmCollector c = new DcgmCollector(LabelMapping.defaults(), null, Map.of());
            new ExpositionParser(false).parse(b, b.length, "t", c);
            Node n = c.nodes("p", inventory).getFirst();
            assertEquals(gpus, n.gpus().size());
            assertEquals(8, n.expectedGpus());
        }
    }
}
