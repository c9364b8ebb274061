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
import dev.fleetdeck.provider.Secret;
import dev.fleetdeck.provider.http.HttpAuth;
import dev.fleetdeck.provider.http.HttpFetcher;
import dev.fleetdeck.provider.http.HttpSettings;
import dev.fleetdeck.provider.http.RequestPacer;
import dev.fleetdeck.support.ReplayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.fleetdeck.provider.cloud.CloudTesting.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lambda Cloud against its real responses (fixtures from a public client's test data), on 127.0.0.1. */
class LambdaCloudProviderTest {
    @TempDir
    Path dir;

    private ReplayServer lambda() {
        return new ReplayServer().fixture("/api/v1/instance-types", "lambda-instance-types.json")
                .fixture("/api/v1/instances", "lambda-instances-list.json");
    }

    @Test
    void offersPerRegionWithPricePerGpuHourAndInstancesAsNodes() throws Exception {
        try (ReplayServer server = lambda(); FleetProvider p = CloudTesting.provider("lambda",
                "url: " + server.base() + "/api/v1\napi-key: file:" + CloudTesting.tokenFile(dir))) {
            ProviderSnapshot snap = p.poll();
            assertEquals(List.of(), snap.warnings(), "the real answers are complete");

            List<Offer> h100x8 = snap.offers().stream().filter(o -> o.instanceType().equals("gpu_8x_h100_sxm5"))
                    .toList();
            assertEquals(List.of("us-west-3", "us-south-2", "us-south-3"), h100x8.stream().map(Offer::region).toList());
            Offer first = h100x8.getFirst();
            assertEquals("H100", first.model());
            assertEquals("H100 (80 GB SXM5)", first.gpuName());
            assertEquals(8, first.gpusPerInstance());
            assertEquals(2.99, first.pricePerGpuHour(), 1e-9, "2392 cents per instance-hour / 8 GPUs");
            assertEquals(StockLevel.AVAILABLE, first.level());
            assertEquals(-1, first.stockGpus(), "Lambda says where, not how many");
            assertEquals(OfferKind.ON_DEMAND, first.kind());

            Offer gh200 = snap.offers().stream().filter(o -> o.instanceType().equals("gpu_1x_gh200")).findFirst()
                    .orElseThrow();
            assertEquals(StockLevel.NONE, gh200.level(), "an empty capacity list is sold out");
            assertEquals(Offer.ANY_REGION, gh200.region());
            assertEquals(1.49, gh200.pricePerGpuHour(), 1e-9);
            assertTrue(snap.offers().stream().noneMatch(o -> o.instanceType().startsWith("cpu_")),
                    "CPU-only instance types are not GPU capacity");
            assertEquals("RTXA6000", snap.offers().stream().filter(o -> o.instanceType().equals("gpu_1x_a6000"))
                    .findFirst().orElseThrow().model());
            assertEquals("V100", snap.offers().stream().filter(o -> o.instanceType().equals("gpu_8x_v100"))
                    .findFirst().orElseThrow().model());

            Node instance = CloudTesting.node(snap.nodes(), "My Instance");
            assertEquals("us-west-1", instance.region());
            assertEquals("H100", instance.gpuModel());
            assertEquals(NodeState.MAINTENANCE, instance.state(), "booting");
            assertEquals(8, instance.gpus().size());
            assertEquals(35.92 / 8, instance.pricePerGpuHour(), 1e-9);
            assertTrue(Double.isNaN(instance.gpus().getFirst().utilizationPct()), "not reported: absent, not 0");

            for (ReplayServer.Request r : server.requests()) {
                assertEquals("Bearer " + TOKEN, r.header("Authorization"), r.path());
                assertEquals("GET", r.method());
            }
            assertEquals(List.of("/api/v1/instance-types", "/api/v1/instances"),
                    server.requests().stream().map(ReplayServer.Request::path).toList());
        }
    }

    @Test
    void requestsAreSpacedOneSecondApartAcrossPolls() throws Exception {
        long[] now = {0};
        List<Duration> sleeps = new ArrayList<>();
        RequestPacer.Ticker fake = new RequestPacer.Ticker() {
            @Override
            public long nanos() {
                return now[0];
            }

            @Override
            public void sleep(Duration d) {
                sleeps.add(d);
                now[0] += d.toNanos();
            }
        };
        try (ReplayServer server = lambda()) {
            Secret token = Secret.parse("file:" + CloudTesting.tokenFile(dir)).orElseThrow();
            HttpSettings settings = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 1 << 20, true, 2,
                    new HttpAuth.Bearer(token));
            try (var p = new LambdaCloudProvider("lambda", server.base().resolve("/api/v1"),
                    new HttpFetcher("lambda", settings), new RequestPacer(Duration.ofSeconds(1), fake),
                    NodeState.RESERVED, Clock.systemUTC())) {
                p.poll();
                now[0] += Duration.ofMillis(300).toNanos(); // the next poll comes 300 ms later
                p.poll();
            }
            assertEquals(4, server.requests().size());
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(700), Duration.ofSeconds(1)), sleeps,
                    "every request waits for the second since the previous one");
        }
    }

    @Test
    void itemsMissingFieldsMakeTheProviderDegradedNamingProviderItemAndField() throws Exception {
        String types = """
                {"data": {
                  "gpu_8x_h100_sxm5": {"instance_type": {"name": "gpu_8x_h100_sxm5", "gpu_description": "H100 (80 GB SXM5)",
                      "price_cents_per_hour": 2392, "specs": {"gpus": 8}}, "regions_with_capacity_available": [{"name": "us-east-1"}]},
                  "gpu_1x_mystery": {"instance_type": {"name": "gpu_1x_mystery", "gpu_description": "Mystery (12 GB)",
                      "price_cents_per_hour": null, "specs": {}}, "regions_with_capacity_available": null}
                }}""";
        String instances = """
                {"data": [
                  {"id": "aaaaaaaabbbb", "name": "ok", "status": "active", "region": {"name": "us-east-1"},
                   "instance_type": {"gpu_description": "H100 (80 GB SXM5)", "price_cents_per_hour": 2392, "specs": {"gpus": 8}}},
                  {"id": "ccccccccdddd", "name": "half", "status": "active",
                   "instance_type": {"gpu_description": "H100 (80 GB SXM5)", "specs": {"gpus": 8}}},
                  {"name": "no-id", "status": "active"}
                ]}""";
        try (ReplayServer server = new ReplayServer().json("/api/v1/instance-types", types)
                .json("/api/v1/instances", instances);
             FleetProvider p = CloudTesting.provider("lambda", "url: " + server.base() + "/api/v1\napi-key: file:"
                     + CloudTesting.tokenFile(dir))) {
            ProviderSnapshot snap = p.poll();
            assertEquals(1, snap.offers().size(), "the offer without a GPU count is left out");
            assertTrue(snap.warnings().contains("lambda-test: instance type gpu_1x_mystery: missing field "
                    + "'instance_type.specs.gpus'"), snap.warnings().toString());
            assertTrue(snap.warnings().contains("lambda-test: instance cccccccc: missing field 'region.name'"),
                    snap.warnings().toString());
            assertTrue(snap.warnings().contains("lambda-test: instance #2: missing field 'id'"),
                    snap.warnings().toString());
            assertEquals(2, snap.nodes().size());
            Node half = CloudTesting.node(snap.nodes(), "half");
            assertEquals("unknown", half.region());
            assertEquals("incomplete-data", half.healthReasons().getFirst().code());
            assertEquals(NodeState.RESERVED, CloudTesting.node(snap.nodes(), "ok").state(), "instances-as default");
        }
    }

    @Test
    void refusedKeyIsAnAuthErrorThatNeverRepeatsTheToken() throws Exception {
        try (ReplayServer server = new ReplayServer().answer("/api/v1/instance-types", 401,
                "{\"error\": {\"code\": \"global/invalid-api-key\", \"message\": \"API key " + TOKEN
                        + " was invalid, expired, or deleted.\"}}", Map.of("Content-Type", "application/json"));
             FleetProvider p = CloudTesting.provider("lambda", "url: " + server.base() + "/api/v1\napi-key: file:"
                     + CloudTesting.tokenFile(dir))) {
            ProviderException e = assertThrows(ProviderException.class, p::poll);
            assertEquals(ProviderException.Kind.AUTH, e.kind());
            assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        }
    }

    @Test
    void aMissingKeyIsAConfigurationError() {
        var e = assertThrows(ConfigException.class, () -> CloudTesting.provider("lambda",
                "url: http://127.0.0.1:9/api/v1"));
        assertTrue(e.getMessage().contains("providers[0].options.api-key: missing: the API needs a key, e.g. "
                + "api-key: env:LAMBDA_API_KEY"), e.getMessage());
    }
}
