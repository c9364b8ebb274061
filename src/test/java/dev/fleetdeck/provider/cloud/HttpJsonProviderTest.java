package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.config.ConfigException;
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

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generic adapter: an inventory mapped with JSON Pointers in configuration, no code. */
class HttpJsonProviderTest {
    private static final String MAPPING = """
            nodes:
              items: /data/servers
              id: /id
              name: /hostname
              model: /gpu/model
              gpus: /gpu/count
              region: /location/region
              status: /state
              states: {running: rented, idle: available, broken: down}
              price: /price_per_hour
              price-per: instance-hour
              tenant: /customer
              utilization: /gpu/util_pct
            offers:
              items: /data/offers
              model: /gpu_name
              gpus-per-instance: /num_gpus
              region: /region
              stock: /available
              price: /price
              kind: reserved
            """;

    @Test
    void nodesAndOffersComeFromTheConfiguredPointers() throws Exception {
        try (ReplayServer server = new ReplayServer().fixture("/inventory", "http-json-inventory.json");
             FleetProvider p = CloudTesting.provider("http-json", "url: " + server.base() + "/inventory\n"
                     + MAPPING)) {
            ProviderSnapshot snap = p.poll();
            Node one = CloudTesting.node(snap.nodes(), "fra-gpu-001");
            assertEquals(NodeState.RENTED, one.state());
            assertEquals(Optional.of("acme"), one.tenant());
            assertEquals("H100", one.gpuModel());
            assertEquals(2.46, one.pricePerGpuHour(), 1e-12, "19.68 per instance-hour / 8");
            assertEquals(82.5, one.gpus().getFirst().utilizationPct(), 1e-12);
            assertEquals("H100", CloudTesting.node(snap.nodes(), "fra-gpu-002").gpuModel(), "gpu_8x_h100_sxm5");
            assertEquals(NodeState.AVAILABLE, CloudTesting.node(snap.nodes(), "fra-gpu-002").state());
            Node broken = CloudTesting.node(snap.nodes(), "fra-gpu-003");
            assertEquals(NodeState.DOWN, broken.state());
            assertEquals("unknown", broken.gpuModel());
            assertEquals(3, snap.nodes().size(), "the item without an id is skipped");

            Offer h200 = CloudTesting.offers(snap.offers(), "H200").getFirst();
            assertEquals(64, h200.stockGpus());
            assertEquals(StockLevel.AVAILABLE, h200.level());
            assertEquals(OfferKind.RESERVED, h200.kind());
            Offer b200 = CloudTesting.offers(snap.offers(), "B200").getFirst();
            assertEquals(StockLevel.NONE, b200.level());
            assertTrue(CloudTesting.offers(snap.offers(), "L40S").isEmpty(), "a stock that is not a number");
            assertEquals(List.of(
                    "http-json-test: item srv-003: missing field 'gpu.model'",
                    "http-json-test: item srv-003: missing field 'price_per_hour'",
                    "http-json-test: item #3: missing field 'id'",
                    "http-json-test: offer #2: not a number ('lots') in field 'available'"), snap.warnings());
        }
    }

    @Test
    void mappingErrorsAreConfigurationErrorsAndAMovedListIsBadData() throws Exception {
        var e = assertThrows(ConfigException.class, () -> CloudTesting.provider("http-json",
                "url: http://127.0.0.1:9/x\nnodes:\n  items: data/servers\n  id: /id\n  model: /m\n  gpus: /g\n"
                        + "  stauts: /s"));
        String all = e.getMessage();
        assertTrue(all.contains("options.nodes.items: 'data/servers' is not a JSON Pointer"), all);
        assertTrue(all.contains("options.nodes.stauts: unknown key; did you mean 'status'?"), all);

        try (ReplayServer server = new ReplayServer().json("/inventory", "{\"servers\": []}");
             FleetProvider p = CloudTesting.provider("http-json", "url: " + server.base() + "/inventory\n"
                     + MAPPING)) {
            ProviderException bad = assertThrows(ProviderException.class, p::poll);
            assertEquals(ProviderException.Kind.BAD_DATA, bad.kind());
            assertTrue(bad.getMessage().contains("without a list at '/data/servers' (nothing there): has its API "
                    + "changed?"), bad.getMessage());
        }
    }
}
