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
 * RunPod, through its GraphQL API: GPU types with the lowest price for a GPU count and its stock level, and this
 * account's pods with live GPU utilisation. RunPod names stock as a level (High, Medium, Low; null when none).
 *
 * <p>API: https://docs.runpod.io/sdks/graphql/manage-pods and https://graphql-spec.runpod.io/ ({@code gpuTypes {
 * id displayName secureCloud communityCloud securePrice communityPrice lowestPrice(input: {gpuCount}) {
 * uninterruptablePrice minimumBidPrice stockStatus } }}, {@code myself { pods { id name desiredStatus costPerHr
 * gpuCount machine { gpuDisplayName } runtime { gpus { gpuUtilPercent memoryUtilPercent } } } }}). GraphQL errors
 * come in {@code errors[]} with HTTP 200.
 */
final class RunPodProvider extends CloudProvider {
    static final String TYPE = "runpod";
    static final String DEFAULT_URL = "https://api.runpod.io/graphql";
    /** RunPod prices every offer world-wide; its data centres are not part of these answers. */
    static final String REGION = "global";

    private final URI endpoint;
    private final int gpuCount;
    private final NodeState running;

    RunPodProvider(String name, URI endpoint, int gpuCount, HttpFetcher http, NodeState running, Clock clock) {
        super(name, http, null, clock);
        this.endpoint = endpoint;
        this.gpuCount = gpuCount;
        this.running = running;
    }

    @Override
    public String type() {
        return TYPE;
    }

    String query() {
        return "query FleetDeck { gpuTypes { id displayName memoryInGb secureCloud communityCloud securePrice "
                + "communityPrice lowestPrice(input: {gpuCount: " + gpuCount + "}) { uninterruptablePrice "
                + "minimumBidPrice stockStatus } } myself { pods { id name desiredStatus costPerHr gpuCount "
                + "machine { gpuDisplayName } runtime { uptimeInSeconds gpus { id gpuUtilPercent memoryUtilPercent } } "
                + "} } }";
    }

    @Override
    protected ProviderSnapshot read() throws ProviderException, InterruptedException {
        HttpBody body = postJson(endpoint, CloudJson.write(Map.of("query", query())));
        JsonNode root = CloudJson.parse(body, name);
        List<String> problems = new ArrayList<>();
        JsonNode errors = root.path("errors");
        JsonNode data = root.path("data");
        if (errors.isArray() && !errors.isEmpty()) {
            String first = errors.get(0).path("message").asString("unnamed error");
            String lower = first.toLowerCase(Locale.ROOT);
            if (data.isNull() || data.isMissingNode()) {
                ProviderException.Kind kind = lower.contains("unauthorized") || lower.contains("api key")
                        || lower.contains("forbidden") ? ProviderException.Kind.AUTH : ProviderException.Kind.BAD_DATA;
                throw new ProviderException(kind, name, HttpFetcher.describe(endpoint) + " answered with GraphQL "
                        + "error: " + abbreviate(first));
            }
            problems.add(name + ": GraphQL error: " + abbreviate(first));
        }
        if (!data.isObject()) {
            throw new ProviderException(ProviderException.Kind.BAD_DATA, name, HttpFetcher.describe(endpoint)
                    + " sent JSON without 'data' (" + CloudJson.shape(root) + "): has its API changed?");
        }
        List<Offer> offers = new ArrayList<>();
        JsonNode types = data.path("gpuTypes");
        if (types.isArray()) {
            int index = 0;
            for (JsonNode t : types) {
                offers.addAll(offers(t, index++, problems));
            }
        } else {
            problems.add(name + ": the answer has no gpuTypes list");
        }
        List<Node> nodes = new ArrayList<>();
        JsonNode pods = data.path("myself").path("pods");
        if (pods.isArray()) {
            Set<String> hosts = new HashSet<>();
            int index = 0;
            for (JsonNode p : pods) {
                pod(p, index++, hosts, problems).ifPresent(nodes::add);
            }
        } else if (!data.path("myself").isObject()) {
            problems.add(name + ": the answer has no 'myself' (is the API key's scope enough to list pods?)");
        }
        return snapshot(nodes, offers, problems);
    }

    private List<Offer> offers(JsonNode t, int index, List<String> problems) {
        String id = t.path("id").asString("");
        ItemReader r = new ItemReader(name, "GPU type " + (id.isBlank() ? "#" + index : id), t, problems);
        String display = r.text("/displayName").orElse(id);
        if (display.isBlank()) {
            r.problem("/displayName", "missing field");
            return List.of();
        }
        String model = GpuModels.normalize(id.isBlank() ? display : id);
        JsonNode lowest = t.path("lowestPrice");
        // What the answer does not give is unknown, never "sold out": only a stockStatus that is there and null (or
        // empty) says RunPod has none.
        StockLevel level = StockLevel.UNKNOWN;
        double onDemand = Double.NaN;
        double spot = Double.NaN;
        if (!lowest.isObject()) {
            r.problem("/lowestPrice", "stock and lowest price unknown: missing field");
        } else {
            JsonNode status = lowest.path("stockStatus");
            if (status.isMissingNode()) {
                r.problem("/lowestPrice/stockStatus", "stock unknown: missing field");
            }
            level = status.isMissingNode() ? StockLevel.UNKNOWN : status.isNull() ? StockLevel.NONE
                    : StockLevel.parse(status.asString());
            if (level == null) {
                r.problem("/lowestPrice/stockStatus", "unknown stock level '" + status.asString() + "' in field");
                level = StockLevel.AVAILABLE;
            }
            onDemand = positive(r.number("/lowestPrice/uninterruptablePrice").orElse(Double.NaN));
            spot = positive(r.number("/lowestPrice/minimumBidPrice").orElse(Double.NaN));
        }
        List<Offer> out = new ArrayList<>();
        String type = id.isBlank() ? display : id;
        if (r.flag("/secureCloud", false)) {
            double price = Double.isNaN(onDemand) ? positive(r.number("/securePrice").orElse(Double.NaN)) : onDemand;
            out.add(new Offer(name, model, display, type, gpuCount, REGION, -1, level, price, OfferKind.ON_DEMAND));
        }
        if (r.flag("/communityCloud", false)) {
            double price = positive(r.number("/communityPrice").orElse(Double.NaN));
            out.add(new Offer(name, model, display, type, gpuCount, REGION, -1, level, price, OfferKind.COMMUNITY));
        }
        if (!Double.isNaN(spot)) {
            out.add(new Offer(name, model, display, type, gpuCount, REGION, -1, level, spot, OfferKind.SPOT));
        }
        return out;
    }

    private Optional<Node> pod(JsonNode p, int index, Set<String> hosts, List<String> problems) {
        String id = p.path("id").asString("");
        ItemReader r = new ItemReader(name, "pod " + (id.isBlank() ? "#" + index : id), p, problems);
        if (id.isBlank()) {
            r.problem("/id", "missing field");
            return Optional.empty();
        }
        String status = r.text("/desiredStatus", "unknown").toUpperCase(Locale.ROOT);
        NodeState state = switch (status) {
            case "RUNNING" -> running;
            case "TERMINATED" -> null;
            case "EXITED", "CREATED" -> NodeState.MAINTENANCE;
            default -> NodeState.MAINTENANCE;
        };
        if (state == null) {
            return Optional.empty();
        }
        int gpus = r.count("/gpuCount", 0, 0);
        double cost = r.number("/costPerHr", Double.NaN);
        String gpuName = r.text("/machine/gpuDisplayName", "unknown");
        double util = Metrics.ABSENT;
        double mem = Metrics.ABSENT;
        JsonNode gpusNow = p.path("runtime").path("gpus");
        if (gpusNow.isArray() && !gpusNow.isEmpty()) {
            util = mean(gpusNow, "gpuUtilPercent");
            mem = mean(gpusNow, "memoryUtilPercent");
        }
        List<HealthReason> reasons = new ArrayList<>();
        if (r.incomplete()) {
            reasons.add(CloudNodes.incomplete(r.lastProblem()));
        }
        if (state == NodeState.MAINTENANCE) {
            reasons.add(new HealthReason(Health.UNKNOWN, "pod-" + status.toLowerCase(Locale.ROOT),
                    "RunPod reports the pod " + status.toLowerCase(Locale.ROOT)));
        }
        String host = CloudNodes.uniqueHost(r.text("/name").orElse(null), id, hosts);
        return Optional.of(node(new CloudNodes.Instance(host, REGION,
                gpuName.equals("unknown") ? "unknown" : GpuModels.normalize(gpuName), state, Optional.empty(),
                Double.isNaN(cost) || gpus == 0 ? Metrics.ABSENT : cost / gpus, gpus, util, mem, "", "", reasons)));
    }

    private static double mean(JsonNode gpus, String field) {
        double sum = 0;
        int n = 0;
        for (JsonNode g : gpus) {
            JsonNode v = g.path(field);
            if (v.isNumber()) {
                sum += v.asDouble();
                n++;
            }
        }
        return n == 0 ? Metrics.ABSENT : sum / n;
    }

    private static double positive(double v) {
        return v > 0 ? v : Double.NaN;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 200 ? one : one.substring(0, 200) + "…";
    }
}
