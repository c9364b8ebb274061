package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.model.GpuModels;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.http.HttpBody;
import dev.fleetdeck.provider.http.HttpFetcher;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DGX Cloud Lepton dedicated node groups: each node with its GPU product, GPUs allocated of total, schedule paused
 * (unschedulable), status (Ready, Unhealthy…) and the workloads on it. GPUs allocated → rented (the workloads'
 * workspace is the tenant); none allocated → available (idle); paused → maintenance; Unhealthy → down.
 *
 * <p>API: the workspace API ({@code https://<workspace>.<region>.lepton.ai/api/v2}) as the Lepton SDK's types
 * describe it (https://github.com/leptonai/leptonai, {@code api/v1/types/dedicated_node_group.py}):
 * {@code GET /dedicated-node-groups} → {@code [ {metadata: {id, name}, spec: {gpu_product}} ]};
 * {@code GET /dedicated-node-groups/{id}/nodes} → {@code [ {metadata: {id, name}, spec: {unschedulable, resource:
 * {gpu: {product, allocated, total}, system: {cuda_version, cuda_driver_version}}}, status: {status: [..],
 * workloads: [{workspace, gpu_count}]}} ]}.
 */
final class LeptonProvider extends CloudProvider {
    static final String TYPE = "lepton";

    private final URI base;
    private final String region;
    private final boolean onlyIdle;

    LeptonProvider(String name, URI base, String region, boolean onlyIdle, HttpFetcher http, Clock clock) {
        super(name, http, null, clock);
        this.base = base;
        this.region = region;
        this.onlyIdle = onlyIdle;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected ProviderSnapshot read() throws ProviderException, InterruptedException {
        HttpBody groupsBody = get(URI.create(base + "/dedicated-node-groups"));
        JsonNode groups = CloudJson.array(CloudJson.parse(groupsBody, name), "", name, groupsBody);
        List<String> problems = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        int index = 0;
        for (JsonNode g : groups) {
            String id = g.path("metadata").path("id").asString("");
            ItemReader gr = new ItemReader(name, "node group " + (id.isBlank() ? "#" + index : id), g, problems);
            index++;
            if (id.isBlank()) {
                gr.problem("/metadata/id", "missing field");
                continue;
            }
            String groupProduct = gr.text("/spec/gpu_product").orElse("");
            HttpBody nodesBody = get(URI.create(base + "/dedicated-node-groups/"
                    + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/nodes"));
            JsonNode list = CloudJson.array(CloudJson.parse(nodesBody, name), "", name, nodesBody);
            int n = 0;
            for (JsonNode node : list) {
                node(node, id, n++, groupProduct, hosts, problems).ifPresent(nodes::add);
            }
        }
        return snapshot(nodes, List.of(), problems);
    }

    private Optional<Node> node(JsonNode n, String group, int index, String groupProduct, Set<String> hosts,
                                List<String> problems) {
        String id = n.path("metadata").path("id").asString("");
        ItemReader r = new ItemReader(name, "node group " + group + " node " + (id.isBlank() ? "#" + index : id), n,
                problems);
        if (id.isBlank()) {
            r.problem("/metadata/id", "missing field");
            return Optional.empty();
        }
        String product = r.text("/spec/resource/gpu/product").orElse(groupProduct);
        if (product.isBlank()) {
            r.problem("/spec/resource/gpu/product", "missing field");
        }
        int total = (int) Math.max(0, r.number("/spec/resource/gpu/total", 0));
        double allocated = r.number("/spec/resource/gpu/allocated").orElse(0);
        boolean paused = r.flag("/spec/unschedulable", false);
        Set<String> statuses = new LinkedHashSet<>();
        r.node("/status/status").forEach(s -> statuses.add(s.asString("")));
        Set<String> workspaces = new LinkedHashSet<>();
        r.node("/status/workloads").forEach(w -> {
            String ws = w.path("workspace").asString("");
            if (!ws.isBlank()) {
                workspaces.add(ws);
            }
        });
        boolean unhealthy = statuses.stream().anyMatch(s -> s.toLowerCase(java.util.Locale.ROOT).contains("unhealthy"));
        // All GPUs allocated: rented; some: available, counted part rented, part free (allocatedGpus).
        NodeState state = unhealthy ? NodeState.DOWN : paused ? NodeState.MAINTENANCE
                : total > 0 && allocated >= total ? NodeState.RENTED : NodeState.AVAILABLE;
        if (onlyIdle && (allocated > 0 || !workspaces.isEmpty())) {
            return Optional.empty();
        }
        List<HealthReason> reasons = new ArrayList<>();
        if (r.incomplete()) {
            reasons.add(CloudNodes.incomplete(r.lastProblem()));
        }
        if (unhealthy) {
            reasons.add(new HealthReason(Health.CRIT, "lepton-unhealthy", "Lepton reports the node "
                    + String.join(", ", statuses)));
        }
        if (paused) {
            reasons.add(new HealthReason(Health.WARN, "schedule-paused", "scheduling is paused on this node"));
        }
        String host = CloudNodes.uniqueHost(r.text("/metadata/name").orElse(null), id, hosts);
        return Optional.of(node(new CloudNodes.Instance(host, region,
                product.isBlank() ? "unknown" : GpuModels.normalize(product), state,
                workspaces.stream().findFirst(), Metrics.ABSENT, total, Metrics.ABSENT, Metrics.ABSENT,
                r.text("/spec/resource/system/cuda_driver_version").orElse(""),
                r.text("/spec/resource/system/cuda_version").orElse(""), reasons, (int) Math.ceil(allocated))));
    }
}
