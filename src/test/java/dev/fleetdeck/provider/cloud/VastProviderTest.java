package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.OfferKind;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.support.ReplayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.fleetdeck.provider.cloud.CloudTesting.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Vast.ai marketplace: machine offers summed into GPU counts per model and country. */
class VastProviderTest {
    @TempDir
    Path dir;

    @Test
    void machinesAddUpPerModelCountryAndSizeWithTheBestPricePerGpu() throws Exception {
        try (ReplayServer server = new ReplayServer().fixture("/api/v0/bundles/", "vast-bundles.json")
                .fixture("/api/v0/instances/", "vast-instances.json");
             FleetProvider p = CloudTesting.provider("vast", "url: " + server.base() + "/api/v0\napi-key: file:"
                     + CloudTesting.tokenFile(dir) + "\nmin-reliability: 0.9")) {
            ProviderSnapshot snap = p.poll();

            List<Offer> rtx = CloudTesting.offers(snap.offers(), "RTX4090");
            assertEquals(2, rtx.size(), "8-GPU and 2-GPU machines are different offers; the unverified one is out");
            Offer eight = rtx.stream().filter(o -> o.gpusPerInstance() == 8).findFirst().orElseThrow();
            assertEquals("SE", eight.region());
            assertEquals(8, eight.stockGpus());
            assertEquals(0.4, eight.pricePerGpuHour(), 1e-12);
            assertEquals(OfferKind.COMMUNITY, eight.kind());

            Offer h100 = CloudTesting.offers(snap.offers(), "H100").getFirst();
            assertEquals("US", h100.region(), "'US' and 'Texas, US' are one country");
            assertEquals(16, h100.stockGpus());
            assertEquals(2.2, h100.pricePerGpuHour(), 1e-12, "the cheaper machine: 17.6 / 8");
            assertEquals(1, CloudTesting.offers(snap.offers(), "H100").size(), "H100 NVL below the reliability floor");

            Offer a100 = CloudTesting.offers(snap.offers(), "A100").getFirst();
            assertEquals("unknown", a100.region(), "geolocation null");
            assertEquals(1.9679999999999997, a100.pricePerGpuHour(), 0);
            assertEquals("QUANTUMFLUX9000", CloudTesting.offers(snap.offers(), "QUANTUMFLUX9000").getFirst().model());
            assertTrue(snap.warnings().contains("vast-test: offer 9081733: no usable value in field 'gpu_name'"),
                    snap.warnings().toString());

            Node render = CloudTesting.node(snap.nodes(), "render-farm-1");
            assertEquals(NodeState.RESERVED, render.state());
            assertEquals(71.5, render.gpus().getFirst().utilizationPct(), 1e-9);
            assertEquals("SE", render.region());
            assertEquals(0.4, render.pricePerGpuHour(), 1e-12);
            Node loading = CloudTesting.node(snap.nodes(), "1234568");
            assertEquals(NodeState.MAINTENANCE, loading.state(), "an instance without a label is named by its id");
            Node broken = CloudTesting.node(snap.nodes(), "broken");
            assertEquals(NodeState.DOWN, broken.state());
            assertTrue(snap.warnings().contains("vast-test: instance 1234569: null in field 'num_gpus'"),
                    snap.warnings().toString());

            ReplayServer.Request search = server.requests().getFirst();
            assertEquals("POST", search.method());
            assertEquals("Bearer " + TOKEN, search.header("Authorization"));
            assertTrue(search.body().contains("\"rentable\":{\"eq\":true}"), search.body());
            assertTrue(search.body().contains("\"reliability2\":{\"gte\":0.9}"), search.body());
        }
    }
}
