package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.support.ReplayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.fleetdeck.provider.cloud.CloudTesting.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Together AI GPU clusters: worker nodes with their states, and clusters still being provisioned. */
class TogetherProviderTest {
    @TempDir
    Path dir;

    @Test
    void workerNodesJoinTheFleetAndAProvisioningClusterShowsItsGpus() throws Exception {
        try (ReplayServer server = new ReplayServer().fixture("/v1/compute/clusters", "together-clusters.json");
             FleetProvider p = CloudTesting.provider("together", "url: " + server.base() + "/v1\napi-key: file:"
                     + CloudTesting.tokenFile(dir))) {
            ProviderSnapshot snap = p.poll();
            Node ready = CloudTesting.node(snap.nodes(), "training-east-gpu-01");
            assertEquals("us-central-8", ready.region());
            assertEquals("H100", ready.gpuModel());
            assertEquals(NodeState.RESERVED, ready.state());
            assertEquals(8, ready.gpus().size());
            assertEquals("CUDA_12_6_560", ready.driverVersion());
            assertEquals(NodeState.DOWN, CloudTesting.node(snap.nodes(), "training-east-gpu-02").state());
            Node provisioning = CloudTesting.node(snap.nodes(), "training-east-gpu-03");
            assertEquals(NodeState.MAINTENANCE, provisioning.state());
            assertEquals(0, provisioning.gpus().size());
            assertEquals(List.of("together-test: cluster training-east node n-03: null in field 'num_gpus'"),
                    snap.warnings());

            Node waiting = CloudTesting.node(snap.nodes(), "inference-eu");
            assertEquals(NodeState.MAINTENANCE, waiting.state());
            assertEquals("B200", waiting.gpuModel());
            assertEquals(16, waiting.expectedGpus());
            assertEquals("cluster-provisioning", waiting.healthReasons().getFirst().code());
            assertTrue(snap.offers().isEmpty(), "Together gives no stock");
            assertFalse(snap.nodes().toString().contains("certificate-authority"), "kube_config is never kept");
            assertEquals("Bearer " + TOKEN, server.requests().getFirst().header("Authorization"));
        }
    }
}
