package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.model.GpuModels;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.Offer;
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
import java.util.Optional;
import java.util.Set;

/**
 * Any inventory endpoint that answers JSON, mapped in configuration with JSON Pointers: which list holds the nodes
 * (or offers) and which field of an item is its model, GPU count, region, status, price. A cloud without a built-in
 * adapter takes no code. Items missing a required field are skipped or shown incomplete, with a message naming the
 * provider, the item and the field.
 */
final class HttpJsonProvider extends CloudProvider {
    static final String TYPE = "http-json";

    private final URI url;
    private final Optional<String> postBody;
    private final HttpJsonMapping mapping;

    HttpJsonProvider(String name, URI url, Optional<String> postBody, HttpJsonMapping mapping, HttpFetcher http,
                     Clock clock) {
        super(name, http, null, clock);
        this.url = url;
        this.postBody = postBody;
        this.mapping = mapping;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected ProviderSnapshot read() throws ProviderException, InterruptedException {
        HttpBody body = postBody.isPresent() ? postJson(url, postBody.get()) : get(url);
        JsonNode root = CloudJson.parse(body, name);
        List<String> problems = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        if (mapping.nodes().isPresent()) {
            HttpJsonMapping.Nodes m = mapping.nodes().get();
            Set<String> hosts = new HashSet<>();
            int i = 0;
            for (JsonNode item : CloudJson.array(root, m.items(), name, body)) {
                node(m, item, i++, hosts, problems).ifPresent(nodes::add);
            }
        }
        List<Offer> offers = new ArrayList<>();
        if (mapping.offers().isPresent()) {
            HttpJsonMapping.Offers m = mapping.offers().get();
            int i = 0;
            for (JsonNode item : CloudJson.array(root, m.items(), name, body)) {
                offer(m, item, i++, problems).ifPresent(offers::add);
            }
        }
        return snapshot(nodes, offers, problems);
    }

    private Optional<Node> node(HttpJsonMapping.Nodes m, JsonNode item, int index, Set<String> hosts,
                                List<String> problems) {
        ItemReader probe = new ItemReader(name, "", item, new ArrayList<>());
        String id = probe.text(m.id()).orElse("");
        ItemReader r = new ItemReader(name, "item " + (id.isBlank() ? "#" + index : id), item, problems);
        if (id.isBlank()) {
            r.problem(m.id(), "missing field");
            return Optional.empty();
        }
        String gpuName = r.text(m.model(), "unknown");
        int gpus = r.count(m.gpus(), 0, 0);
        String region = m.region().map(p -> r.text(p, "unknown")).orElse("unknown");
        NodeState state = m.defaultState();
        if (m.status().isPresent()) {
            String status = r.text(m.status().get(), "");
            NodeState mapped = m.states().get(status.toLowerCase(Locale.ROOT));
            if (mapped != null) {
                state = mapped;
            }
        }
        double price = m.price().map(p -> r.number(p, Double.NaN)).orElse(Double.NaN);
        if (m.pricePerInstance() && !Double.isNaN(price)) {
            price = gpus > 0 ? price / gpus : Double.NaN;
        }
        double util = m.utilization().map(p -> r.number(p).orElse(Metrics.ABSENT)).orElse(Metrics.ABSENT);
        Optional<String> tenant = m.tenant().flatMap(r::text);
        List<HealthReason> reasons = new ArrayList<>();
        if (r.incomplete()) {
            reasons.add(CloudNodes.incomplete(r.lastProblem()));
        }
        String host = CloudNodes.uniqueHost(m.name().flatMap(r::text).orElse(null), id, hosts);
        return Optional.of(node(new CloudNodes.Instance(host, region,
                gpuName.equals("unknown") ? "unknown" : GpuModels.normalize(gpuName), state, tenant,
                Double.isNaN(price) ? Metrics.ABSENT : price, gpus, util, Metrics.ABSENT, "", "", reasons)));
    }

    private Optional<Offer> offer(HttpJsonMapping.Offers m, JsonNode item, int index, List<String> problems) {
        ItemReader r = new ItemReader(name, "offer #" + index, item, problems);
        String gpuName = r.text(m.model(), "");
        if (gpuName.isEmpty()) {
            return Optional.empty();
        }
        int perInstance = m.gpusPerInstance().map(p -> r.count(p, 1, 1)).orElse(1);
        String region = m.region().map(p -> r.text(p, Offer.ANY_REGION)).orElse(Offer.ANY_REGION);
        int stock = -1;
        StockLevel level = StockLevel.AVAILABLE;
        if (m.stock().isPresent()) {
            stock = r.count(m.stock().get(), 0, -1);
            if (stock < 0 && m.stockLevel().isEmpty()) {
                return Optional.empty();
            }
            level = stock == 0 ? StockLevel.NONE : StockLevel.AVAILABLE;
        }
        if (stock < 0 && m.stockLevel().isPresent()) {
            String text = r.text(m.stockLevel().get()).orElse("");
            level = StockLevel.parse(text);
            if (level == null) {
                r.problem(m.stockLevel().get(), "unknown stock level '" + text + "' in field");
                level = StockLevel.AVAILABLE;
            }
        }
        double price = m.price().map(p -> r.number(p, Double.NaN)).orElse(Double.NaN);
        if (m.pricePerInstance() && !Double.isNaN(price)) {
            price = price / perInstance;
        }
        String type = m.instanceType().flatMap(r::text).orElse(perInstance + "x " + gpuName);
        return Optional.of(new Offer(name, GpuModels.normalize(gpuName), gpuName, type, perInstance, region, stock,
                level, price, m.kind()));
    }
}
