package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.StockLevel;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.support.ReplayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a cloud does not say is unknown, what it says of a machine is believed only when verified, lies are refused. */
class TrustCloudTest {
    @TempDir
    Path dir;

    @Test
    void onlyMachinesKnownToBeVerifiedCount() throws Exception {
        String bundles = """
                {"offers": [
                  {"id": 1, "gpu_name": "RTX 4090", "num_gpus": 2, "dph_total": 0.8, "geolocation": "SE",
                   "reliability2": 0.99, "rentable": true, "verified": true, "verification": "verified"},
                  {"id": 2, "gpu_name": "RTX 4090", "num_gpus": 2, "dph_total": 0.5, "geolocation": "SE",
                   "reliability2": 0.99, "rentable": true, "verified": null, "verification": "deverified"},
                  {"id": 3, "gpu_name": "RTX 4090", "num_gpus": 2, "dph_total": 0.5, "geolocation": "SE",
                   "reliability2": 0.99, "rentable": true, "verification": "unverified"},
                  {"id": 4, "gpu_name": "RTX 4090", "num_gpus": 2, "dph_total": 0.5, "geolocation": "SE",
                   "reliability2": 0.99, "rentable": true}
                ]}""";
        try (ReplayServer server = new ReplayServer().json("/api/v0/bundles/", bundles)
                .json("/api/v0/instances/", "{\"instances\": []}");
             FleetProvider p = CloudTesting.provider("vast", "url: " + server.base() + "/api/v0\napi-key: file:"
                     + CloudTesting.tokenFile(dir))) {
            List<Offer> rtx = CloudTesting.offers(p.poll().offers(), "RTX4090");
            assertEquals(1, rtx.size());
            assertEquals(2, rtx.getFirst().stockGpus(), "the deverified, unverified and unsaid machines are out");
            assertEquals(0.4, rtx.getFirst().pricePerGpuHour(), 1e-12);
        }
    }

    @Test
    void runPodStockTheAnswerDoesNotGiveIsUnknownNotSoldOut() throws Exception {
        String answer = """
                {"data": {"gpuTypes": [
                  {"id": "NVIDIA H100 80GB HBM3", "displayName": "H100 SXM", "secureCloud": true, "communityCloud": false,
                   "securePrice": 2.99},
                  {"id": "NVIDIA A100 80GB PCIe", "displayName": "A100 PCIe", "secureCloud": true, "communityCloud": false,
                   "securePrice": 1.64, "lowestPrice": {"uninterruptablePrice": 1.64, "minimumBidPrice": null}},
                  {"id": "NVIDIA L40S", "displayName": "L40S", "secureCloud": true, "communityCloud": false,
                   "securePrice": 0.86, "lowestPrice": {"uninterruptablePrice": 0.86, "stockStatus": null}}
                ], "myself": {"pods": []}}}""";
        try (ReplayServer server = new ReplayServer().json("/graphql", answer);
             FleetProvider p = CloudTesting.provider("runpod", "url: " + server.base() + "/graphql\napi-key: file:"
                     + CloudTesting.tokenFile(dir))) {
            ProviderSnapshot snap = p.poll();
            Offer h100 = CloudTesting.offers(snap.offers(), "H100").getFirst();
            assertEquals(StockLevel.UNKNOWN, h100.level());
            assertEquals("stock unknown", h100.level().label());
            assertEquals(2.99, h100.pricePerGpuHour(), 1e-12);
            assertEquals(StockLevel.UNKNOWN, CloudTesting.offers(snap.offers(), "A100PCIE").getFirst().level(),
                    "an A100 PCIe is its own model; its stock is not said");
            assertEquals(StockLevel.NONE, CloudTesting.offers(snap.offers(), "L40S").getFirst().level(),
                    "a stockStatus that is there and null is RunPod's word for none");
            assertThat(snap.warnings()).as("the source is degraded and names the missing fields")
                    .anySatisfy(w -> assertThat(w).endsWith("H100 80GB HBM3: stock and lowest price unknown: missing "
                            + "field 'lowestPrice'"))
                    .anySatisfy(w -> assertThat(w).endsWith("stock unknown: missing field 'lowestPrice.stockStatus'"))
                    .hasSize(2);
        }
    }

    @Test
    void anAnswerClaimingAMillionGpusPerItemIsRefusedWholeBeforeAnythingIsMade() throws Exception {
        StringBuilder items = new StringBuilder("{\"data\": [");
        for (int i = 0; i < 60; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\": \"n").append(i).append("\", \"m\": \"H100\", \"g\": 1000000}");
        }
        items.append("]}");
        try (ReplayServer server = new ReplayServer().json("/inv", items.toString());
             FleetProvider p = CloudTesting.provider("http-json", "url: " + server.base() + "/inv\n"
                     + "nodes: {items: /data, id: /id, model: /m, gpus: /g}")) {
            ProviderException e = assertThrows(ProviderException.class, p::poll);
            assertEquals(ProviderException.Kind.BAD_DATA, e.kind());
            assertThat(e.getMessage()).contains("claims 1000000 GPUs").contains("limits.gpus-per-node")
                    .contains("refused whole");
        }
        try (ReplayServer server = new ReplayServer().json("/inv", "{\"data\": [{\"id\": \"a\", \"m\": \"H100\", "
                + "\"g\": 300}]}");
             FleetProvider p = CloudTesting.provider("http-json", "url: " + server.base() + "/inv\n"
                     + "nodes: {items: /data, id: /id, model: /m, gpus: /g}\nlimits: {gpus-per-node: 512}")) {
            assertEquals(300, p.poll().nodes().getFirst().gpuCount(), "the limit is the user's to raise");
        }
    }
}
