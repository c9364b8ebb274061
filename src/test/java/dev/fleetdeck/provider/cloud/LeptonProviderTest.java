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
import java.util.Optional;

import static dev.fleetdeck.provider.cloud.CloudTesting.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DGX Cloud Lepton node groups: allocation, paused schedule, Unhealthy, idle. */
class LeptonProviderTest {
    @TempDir
    Path dir;

    private ReplayServer lepton() {
        return new ReplayServer().fixture("/api/v2/dedicated-node-groups", "lepton-node-groups.json")
                .fixture("/api/v2/dedicated-node-groups/h100-ng-1/nodes", "lepton-nodes-h100-ng-1.json")
                .fixture("/api/v2/dedicated-node-groups/l40s-ng-2/nodes", "lepton-nodes-l40s-ng-2.json");
    }

    @Test
    void allocationPausedAndUnhealthyNodesMapToFleetStates() throws Exception {
        try (ReplayServer server = lepton(); FleetProvider p = CloudTesting.provider("lepton", "url: "
                + server.base() + "/api/v2\napi-key: file:" + CloudTesting.tokenFile(dir) + "\nregion: us-east")) {
            ProviderSnapshot snap = p.poll();
            Node full = CloudTesting.node(snap.nodes(), "h100-a1");
            assertEquals(NodeState.RENTED, full.state());
            assertEquals(Optional.of("acme-research"), full.tenant());
            assertEquals("H100", full.gpuModel());
            assertEquals("us-east", full.region());
            assertEquals("550.90.07", full.driverVersion());
            assertEquals("12.4", full.cudaVersion());
            assertEquals(NodeState.AVAILABLE, CloudTesting.node(snap.nodes(), "h100-a2").state(), "idle");
            Node sick = CloudTesting.node(snap.nodes(), "h100-a3");
            assertEquals(NodeState.DOWN, sick.state(), "Unhealthy wins over paused");
            assertTrue(sick.healthReasons().stream().anyMatch(r -> r.code().equals("lepton-unhealthy")));
            assertEquals(NodeState.MAINTENANCE, CloudTesting.node(snap.nodes(), "h100-a4").state(), "paused");
            Node noProduct = CloudTesting.node(snap.nodes(), "l40s-b1");
            assertEquals("unknown", noProduct.gpuModel());
            assertEquals(List.of("lepton-test: node group l40s-ng-2 node node-b1: missing field "
                    + "'spec.resource.gpu.product'"), snap.warnings());
            assertEquals(3, server.requests().size(), "the groups, then each group's nodes");
            server.requests().forEach(r -> assertEquals("Bearer " + TOKEN, r.header("Authorization")));
        }
    }

    @Test
    void theIdleFilterKeepsNodesWithoutWorkloads() throws Exception {
        try (ReplayServer server = lepton(); FleetProvider p = CloudTesting.provider("lepton", "url: "
                + server.base() + "/api/v2\napi-key: file:" + CloudTesting.tokenFile(dir) + "\nonly-idle: true")) {
            assertEquals(List.of("h100-a2", "h100-a3", "l40s-b1"),
                    p.poll().nodes().stream().map(Node::hostname).toList());
        }
    }
}
