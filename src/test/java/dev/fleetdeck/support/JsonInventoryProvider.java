package dev.fleetdeck.support;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.http.HttpBody;
import dev.fleetdeck.provider.http.HttpFetcher;
import dev.fleetdeck.provider.http.HttpSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A small HTTP provider for the fault-injection suite: GETs a JSON inventory ({@code {"nodes": [...]}}) through the
 * shared {@link HttpFetcher}, so every network fault goes through the same code real providers use.
 */
public final class JsonInventoryProvider implements FleetProvider {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final URI uri;
    private final HttpFetcher http;
    private final Clock clock;

    public JsonInventoryProvider(String name, URI uri, HttpSettings settings, Clock clock) {
        this.name = name;
        this.uri = uri;
        this.http = new HttpFetcher(name, settings);
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "json-inventory";
    }

    @Override
    public List<String> notices() {
        return http.notices();
    }

    @Override
    public ProviderSnapshot poll() throws ProviderException, InterruptedException {
        HttpBody body = http.get(uri, HttpFetcher.Expect.JSON);
        JsonNode root;
        try {
            root = JSON.readTree(body.bytes());
        } catch (JacksonException e) {
            throw new ProviderException(ProviderException.Kind.BAD_DATA, name, HttpFetcher.describe(uri)
                    + " sent malformed JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode nodes = root.get("nodes");
        if (nodes == null || !nodes.isArray()) {
            throw new ProviderException(ProviderException.Kind.BAD_DATA, name, HttpFetcher.describe(uri)
                    + " sent JSON without a 'nodes' list (fields: " + String.join(", ", root.propertyNames())
                    + "): has its API changed?");
        }
        List<Node> out = new ArrayList<>();
        for (JsonNode n : nodes) {
            int count = n.path("gpus").asInt(0);
            String model = n.path("model").asString("unknown");
            List<Gpu> gpus = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                gpus.add(new Gpu(i, "", model, Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT,
                        Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT,
                        Metrics.ABSENT, 0, Set.of(), "", Health.UNKNOWN, List.of()));
            }
            out.add(new Node(n.path("hostname").asString("?"), name, n.path("region").asString("unknown"), model,
                    NodeState.valueOf(n.path("state").asString("available").toUpperCase(Locale.ROOT)),
                    Optional.empty(), Metrics.ABSENT, "", "", count, gpus, Health.UNKNOWN, List.of()));
        }
        return new ProviderSnapshot(name, clock.instant(), out, List.of());
    }

    @Override
    public void close() {
        http.close();
    }
}
