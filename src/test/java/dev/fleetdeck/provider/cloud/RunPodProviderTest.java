package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.OfferKind;
import dev.fleetdeck.model.StockLevel;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.support.ReplayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.fleetdeck.provider.cloud.CloudTesting.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RunPod's GraphQL API, replayed from its documented shapes (nulls, unknown GPUs, float prices) on 127.0.0.1. */
class RunPodProviderTest {
    @TempDir
    Path dir;

    private FleetProvider runpod(ReplayServer server, String extra) throws Exception {
        return CloudTesting.provider("runpod", "url: " + server.base() + "/graphql\napi-key: file:"
                + CloudTesting.tokenFile(dir) + "\n" + extra);
    }

    @Test
    void gpuTypesBecomeOffersPerWayOfSellingAndPodsBecomeNodes() throws Exception {
        try (ReplayServer server = new ReplayServer().fixture("/graphql", "runpod-graphql.json");
             FleetProvider p = runpod(server, "gpu-count: 8\ninstances-as: rented")) {
            ProviderSnapshot snap = p.poll();

            List<Offer> h100 = CloudTesting.offers(snap.offers(), "H100");
            assertEquals(List.of(OfferKind.ON_DEMAND, OfferKind.COMMUNITY, OfferKind.SPOT),
                    h100.stream().map(Offer::kind).toList());
            assertEquals(2.69, h100.get(0).pricePerGpuHour(), 1e-12, "the lowest uninterruptable price");
            assertEquals(1.9679999999999997, h100.get(2).pricePerGpuHour(), 0, "the float as sent");
            assertEquals(StockLevel.HIGH, h100.getFirst().level());
            assertEquals(8, h100.getFirst().gpusPerInstance(), "priced for gpu-count");
            assertEquals("global", h100.getFirst().region());

            Offer h200 = CloudTesting.offers(snap.offers(), "H200").getFirst();
            assertEquals(StockLevel.LOW, h200.level());
            assertEquals(1, CloudTesting.offers(snap.offers(), "H200").size(), "null bid price: no spot offer");
            Offer b200 = CloudTesting.offers(snap.offers(), "B200").getFirst();
            assertEquals(StockLevel.NONE, b200.level(), "stockStatus null: none in stock");
            assertEquals(5.99, b200.pricePerGpuHour(), 1e-12, "list price when no lowest price");
            assertEquals(List.of(OfferKind.COMMUNITY, OfferKind.SPOT),
                    CloudTesting.offers(snap.offers(), "RTX4090").stream().map(Offer::kind).toList());
            assertEquals("QUANTUMFLUX9000", CloudTesting.offers(snap.offers(), "QUANTUMFLUX9000").getFirst().model(),
                    "an unknown GPU keeps a readable key");

            assertEquals(1, snap.warnings().size(), snap.warnings().toString());
            assertEquals("runpod-test: GPU type #5: missing field 'displayName'", snap.warnings().getFirst());

            Node running = CloudTesting.node(snap.nodes(), "llama-finetune");
            assertEquals(NodeState.RENTED, running.state());
            assertEquals(8, running.gpus().size());
            assertEquals(96.0, running.gpus().getFirst().utilizationPct(), 1e-9, "mean of the pod's GPUs");
            assertEquals(21.52 / 8, running.pricePerGpuHour(), 1e-9);
            assertEquals("H100", running.gpuModel());
            Node stopped = CloudTesting.node(snap.nodes(), "eval-box");
            assertEquals(NodeState.MAINTENANCE, stopped.state());
            assertTrue(Double.isNaN(stopped.gpus().getFirst().utilizationPct()));
            assertEquals(2, snap.nodes().size(), "terminated pods are gone");

            ReplayServer.Request request = server.requests().getFirst();
            assertEquals("POST", request.method());
            assertEquals("Bearer " + TOKEN, request.header("Authorization"));
            assertFalse(request.path().contains("api_key"), "the key never goes in the URL");
            assertTrue(request.body().contains("lowestPrice(input: {gpuCount: 8})"), request.body());
            assertTrue(request.body().contains("myself { pods {"), request.body());
        }
    }

    @Test
    void graphqlErrorsWithoutDataFailThePollAndPartialDataDegradesIt() throws Exception {
        try (ReplayServer server = new ReplayServer().json("/graphql",
                "{\"errors\": [{\"message\": \"Unauthorized: invalid API key\"}], \"data\": null}");
             FleetProvider p = runpod(server, "")) {
            ProviderException e = assertThrows(ProviderException.class, p::poll);
            assertEquals(ProviderException.Kind.AUTH, e.kind());
            assertTrue(e.getMessage().contains("GraphQL error: Unauthorized"), e.getMessage());
        }
        try (ReplayServer server = new ReplayServer().json("/graphql", """
                {"errors": [{"message": "myself: permission denied", "path": ["myself"]}],
                 "data": {"gpuTypes": [], "myself": null}}""");
             FleetProvider p = runpod(server, "")) {
            ProviderSnapshot snap = p.poll();
            assertEquals(List.of("runpod-test: GraphQL error: myself: permission denied",
                    "runpod-test: the answer has no 'myself' (is the API key's scope enough to list pods?)"),
                    snap.warnings());
        }
    }
}
