package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.model.GpuModels;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Vast.ai, a marketplace: its offer search gives one row per machine (GPU model, GPUs, total $/h, location,
 * reliability), which FleetDeck sums per model, country and sort of offer into GPU counts with the best price per
 * GPU-hour. This account's rented instances become nodes.
 *
 * <p>API: https://docs.vast.ai/api-reference/search/search-offers ({@code POST /api/v0/bundles/} with a query body;
 * answer {@code offers[]: gpu_name, num_gpus, dph_total, geolocation, reliability2, verified, rentable}) and
 * https://docs.vast.ai/api-reference/instances/show-instances ({@code GET /api/v0/instances/}: {@code instances[]:
 * id, label, actual_status, gpu_name, num_gpus, dph_total, geolocation, gpu_util}).
 */
final class VastProvider extends CloudProvider {
    static final String TYPE = "vast";
    static final String DEFAULT_URL = "https://console.vast.ai/api/v0";

    private final URI base;
    private final double minReliability;
    private final boolean verifiedOnly;
    private final int limit;
    private final NodeState running;

    VastProvider(String name, URI base, double minReliability, boolean verifiedOnly, int limit, HttpFetcher http,
                 NodeState running, Clock clock) {
        super(name, http, null, clock);
        this.base = base;
        this.minReliability = minReliability;
        this.verifiedOnly = verifiedOnly;
        this.limit = limit;
        this.running = running;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The search body: rentable, not rented, verified machines above the reliability floor. */
    String searchBody() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("rentable", Map.of("eq", true));
        q.put("rented", Map.of("eq", false));
        if (verifiedOnly) {
            q.put("verified", Map.of("eq", true));
        }
        q.put("reliability2", Map.of("gte", minReliability));
        q.put("type", "on-demand");
        q.put("limit", limit);
        return CloudJson.write(q);
    }

    @Override
    protected ProviderSnapshot read() throws ProviderException, InterruptedException {
        List<String> problems = new ArrayList<>();
        HttpBody searchBody = postJson(URI.create(base + "/bundles/"), searchBody());
        JsonNode offers = CloudJson.array(CloudJson.parse(searchBody, name), "/offers", name, searchBody);
        Map<String, Offer> grouped = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode o : offers) {
            offer(o, index++, problems).ifPresent(offer -> grouped.merge(offer.model() + '\0' + offer.region() + '\0'
                    + offer.gpusPerInstance(), offer, VastProvider::merge));
        }
        HttpBody instancesBody = get(URI.create(base + "/instances/"));
        JsonNode instances = CloudJson.array(CloudJson.parse(instancesBody, name), "/instances", name, instancesBody);
        List<Node> nodes = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        index = 0;
        for (JsonNode i : instances) {
            instance(i, index++, hosts, problems).ifPresent(nodes::add);
        }
        return snapshot(nodes, new ArrayList<>(grouped.values()), problems);
    }

    private Optional<Offer> offer(JsonNode o, int index, List<String> problems) {
        String id = o.path("id").asString("#" + index);
        ItemReader r = new ItemReader(name, "offer " + id, o, problems);
        if (!r.flag("/rentable", true) || (verifiedOnly && !verified(o))) {
            return Optional.empty(); // the server should have filtered these; never count them
        }
        double reliability = r.number("/reliability2").orElse(r.number("/reliability").orElse(Double.NaN));
        if (!Double.isNaN(reliability) && reliability < minReliability) {
            return Optional.empty();
        }
        String gpuName = r.text("/gpu_name", "");
        int gpus = r.count("/num_gpus", 1, 0);
        double dph = r.number("/dph_total", Double.NaN);
        if (gpuName.isEmpty() || gpus == 0) {
            return Optional.empty();
        }
        return Optional.of(new Offer(name, GpuModels.normalize(gpuName), gpuName, gpus + "x " + gpuName, gpus,
                country(r.text("/geolocation").orElse(null)), gpus, StockLevel.AVAILABLE,
                Double.isNaN(dph) ? Metrics.ABSENT : dph / gpus, OfferKind.COMMUNITY));
    }

    /**
     * Whether a machine is verified: its {@code verification} says "verified" where the answer has that field
     * (it also says "unverified" and "deverified"), else {@code verified} is true. A machine the answer says nothing
     * about is not verified: only what is known to be verified counts under {@code verified-only}.
     */
    static boolean verified(JsonNode offer) {
        JsonNode verification = offer.path("verification");
        if (verification.isString()) {
            return verification.asString().strip().equalsIgnoreCase("verified");
        }
        JsonNode flag = offer.path("verified");
        return flag.isBoolean() && flag.asBoolean();
    }

    /** Same model, country and machine size: GPUs add up, the cheapest price per GPU-hour wins. */
    private static Offer merge(Offer a, Offer b) {
        double price = Double.isNaN(a.pricePerGpuHour()) ? b.pricePerGpuHour() : Double.isNaN(b.pricePerGpuHour())
                ? a.pricePerGpuHour() : Math.min(a.pricePerGpuHour(), b.pricePerGpuHour());
        return new Offer(a.provider(), a.model(), a.gpuName(), a.instanceType(), a.gpusPerInstance(), a.region(),
                a.stockGpus() + b.stockGpus(), StockLevel.AVAILABLE, price, a.kind());
    }

    /** "Sweden, SE" → "SE"; "US" → "US"; absent → "unknown". */
    static String country(String geolocation) {
        if (geolocation == null || geolocation.isBlank()) {
            return "unknown";
        }
        String g = geolocation.strip();
        int comma = g.lastIndexOf(',');
        String code = comma >= 0 ? g.substring(comma + 1).strip() : g;
        return code.isEmpty() ? g : code;
    }

    private Optional<Node> instance(JsonNode i, int index, Set<String> hosts, List<String> problems) {
        String id = i.path("id").asString("");
        ItemReader r = new ItemReader(name, "instance " + (id.isBlank() ? "#" + index : id), i, problems);
        if (id.isBlank()) {
            r.problem("/id", "missing field");
            return Optional.empty();
        }
        String status = r.text("/actual_status").orElse("unknown").toLowerCase(Locale.ROOT);
        NodeState state = switch (status) {
            case "running" -> running;
            case "offline" -> NodeState.DOWN;
            default -> NodeState.MAINTENANCE; // loading, created, exited (stopped), unknown
        };
        String gpuName = r.text("/gpu_name", "unknown");
        int gpus = r.count("/num_gpus", 0, 0);
        double dph = r.number("/dph_total", Double.NaN);
        double util = r.number("/gpu_util").orElse(Metrics.ABSENT);
        List<HealthReason> reasons = new ArrayList<>();
        if (r.incomplete()) {
            reasons.add(CloudNodes.incomplete(r.lastProblem()));
        }
        String host = CloudNodes.uniqueHost(r.text("/label").orElse(null), id, hosts);
        return Optional.of(node(new CloudNodes.Instance(host,
                country(r.text("/geolocation").orElse(null)),
                gpuName.equals("unknown") ? "unknown" : GpuModels.normalize(gpuName), state, Optional.empty(),
                Double.isNaN(dph) || gpus == 0 ? Metrics.ABSENT : dph / gpus, gpus, util, Metrics.ABSENT, "", "",
                reasons)));
    }
}
