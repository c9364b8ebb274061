package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.model.GpuModels;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.OfferKind;
import dev.fleetdeck.model.StockLevel;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.http.HttpBody;
import dev.fleetdeck.provider.http.HttpFetcher;
import dev.fleetdeck.provider.http.RequestPacer;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lambda Cloud: offers from {@code GET /instance-types} (price per instance in cents, GPUs per instance, regions
 * with capacity now; Lambda gives availability, not counts) and this account's instances from
 * {@code GET /instances}. Lambda allows one request per second, so requests are paced.
 *
 * <p>API: https://docs.lambda.ai/api/cloud (Instance types: {@code data.<name>.instance_type.price_cents_per_hour},
 * {@code .specs.gpus}, {@code .gpu_description}, {@code .regions_with_capacity_available[].name}; Instances:
 * {@code data[].id, name, status, region.name, instance_type.*}).
 */
final class LambdaCloudProvider extends CloudProvider {
    static final String TYPE = "lambda";
    static final String DEFAULT_URL = "https://cloud.lambda.ai/api/v1";

    private final URI base;
    private final NodeState running;

    LambdaCloudProvider(String name, URI base, HttpFetcher http, RequestPacer pacer, NodeState running, Clock clock) {
        super(name, http, pacer, clock);
        this.base = base;
        this.running = running;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected ProviderSnapshot read() throws ProviderException, InterruptedException {
        List<String> problems = new ArrayList<>();
        HttpBody typesBody = get(URI.create(base + "/instance-types"));
        JsonNode types = CloudJson.object(CloudJson.parse(typesBody, name), "/data", name, typesBody);
        List<Offer> offers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : types.properties()) {
            offers.addAll(offers(e.getKey(), e.getValue(), problems));
        }
        HttpBody instancesBody = get(URI.create(base + "/instances"));
        JsonNode instances = CloudJson.array(CloudJson.parse(instancesBody, name), "/data", name, instancesBody);
        List<Node> nodes = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        int index = 0;
        for (JsonNode i : instances) {
            instance(i, index++, hosts, problems).ifPresent(nodes::add);
        }
        return snapshot(nodes, offers, problems);
    }

    private List<Offer> offers(String key, JsonNode entry, List<String> problems) {
        ItemReader r = new ItemReader(name, "instance type " + key, entry, problems);
        String type = r.text("/instance_type/name").orElse(key);
        int gpus = r.count("/instance_type/specs/gpus", 0, -1);
        if (gpus == 0) {
            return List.of(); // a CPU-only instance type
        }
        double cents = r.number("/instance_type/price_cents_per_hour", Double.NaN);
        String gpuName = r.text("/instance_type/gpu_description").orElse(type);
        if (gpus < 0) {
            return List.of(); // recorded as a problem: without a GPU count there is nothing to offer
        }
        String model = GpuModels.normalize(gpuName);
        double perGpu = Double.isNaN(cents) ? Metrics.ABSENT : cents / 100.0 / gpus;
        List<Offer> out = new ArrayList<>();
        JsonNode regions = r.node("/regions_with_capacity_available");
        if (regions.isArray()) {
            for (JsonNode region : regions) {
                String regionName = region.path("name").asString("");
                if (!regionName.isBlank()) {
                    out.add(new Offer(name, model, gpuName, type, gpus, regionName, -1, StockLevel.AVAILABLE, perGpu,
                            OfferKind.ON_DEMAND));
                }
            }
        } else if (!regions.isMissingNode() && !regions.isNull()) {
            r.problem("/regions_with_capacity_available", "not a list in field");
        }
        if (out.isEmpty()) {
            out.add(new Offer(name, model, gpuName, type, gpus, Offer.ANY_REGION, -1, StockLevel.NONE, perGpu,
                    OfferKind.ON_DEMAND));
        }
        return out;
    }

    private Optional<Node> instance(JsonNode i, int index, Set<String> hosts, List<String> problems) {
        String id = i.path("id").asString("");
        ItemReader r = new ItemReader(name, "instance " + (id.isBlank() ? "#" + index : shortId(id)), i, problems);
        if (id.isBlank()) {
            r.problem("/id", "missing field");
            return Optional.empty();
        }
        String status = r.text("/status", "unknown").toLowerCase(Locale.ROOT);
        NodeState state = switch (status) {
            case "active" -> running;
            case "booting", "terminating" -> NodeState.MAINTENANCE;
            case "unhealthy", "preempted" -> NodeState.DOWN;
            case "terminated" -> null;
            default -> NodeState.MAINTENANCE;
        };
        if (state == null) {
            return Optional.empty();
        }
        String region = r.text("/region/name", "unknown");
        String gpuName = r.text("/instance_type/gpu_description", "unknown");
        int gpus = r.count("/instance_type/specs/gpus", 0, 0);
        double cents = r.number("/instance_type/price_cents_per_hour", Double.NaN);
        List<HealthReason> reasons = new ArrayList<>();
        if (r.incomplete()) {
            reasons.add(CloudNodes.incomplete(r.lastProblem()));
        }
        if (state == NodeState.DOWN) {
            reasons.add(new HealthReason(Health.CRIT, "instance-" + status,
                    "Lambda reports the instance " + status));
        }
        String host = CloudNodes.uniqueHost(r.text("/name").orElse(null), id, hosts);
        return Optional.of(node(new CloudNodes.Instance(host, region,
                gpuName.equals("unknown") ? "unknown" : GpuModels.normalize(gpuName), state, Optional.empty(),
                Double.isNaN(cents) || gpus == 0 ? Metrics.ABSENT : cents / 100.0 / gpus, gpus, Metrics.ABSENT,
                Metrics.ABSENT, "", "", reasons)));
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
