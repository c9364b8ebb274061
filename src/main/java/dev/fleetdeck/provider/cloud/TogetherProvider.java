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
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Together AI GPU clusters: every GPU worker node of every cluster becomes a node, in the cluster's region, with the
 * cluster's GPU type. A cluster still waiting for its nodes shows as one node in maintenance holding the GPUs it
 * asked for, so capacity being provisioned is visible. Together's answers carry no stock or price.
 *
 * <p>API: https://docs.together.ai/reference/clusters-list ({@code GET /compute/clusters}: {@code clusters[]:
 * cluster_id, cluster_name, region, gpu_type, num_gpus, status, gpu_worker_nodes[]: node_id, node_name, host_name,
 * status, num_gpus}). {@code kube_config} is in the answer and is never read or kept.
 */
final class TogetherProvider extends CloudProvider {
    static final String TYPE = "together";
    static final String DEFAULT_URL = "https://api.together.xyz/v1";

    private final URI base;
    private final NodeState running;

    TogetherProvider(String name, URI base, HttpFetcher http, NodeState running, Clock clock) {
        super(name, http, null, clock);
        this.base = base;
        this.running = running;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected ProviderSnapshot read() throws ProviderException, InterruptedException {
        HttpBody body = get(URI.create(base + "/compute/clusters"));
        JsonNode clusters = CloudJson.array(CloudJson.parse(body, name), "/clusters", name, body);
        List<String> problems = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        int index = 0;
        for (JsonNode c : clusters) {
            cluster(c, index++, hosts, problems, nodes);
        }
        return snapshot(nodes, List.of(), problems);
    }

    private void cluster(JsonNode c, int index, Set<String> hosts, List<String> problems, List<Node> out) {
        String id = c.path("cluster_id").asString("");
        String label = c.path("cluster_name").asString(id.isBlank() ? "#" + index : id);
        ItemReader r = new ItemReader(name, "cluster " + label, c, problems);
        String region = r.text("/region", "unknown");
        String gpuType = r.text("/gpu_type", "unknown");
        String model = gpuType.equals("unknown") || gpuType.startsWith("UNKNOWN") ? "unknown"
                : GpuModels.normalize(gpuType);
        String driver = r.text("/driver_version").orElse("");
        String clusterStatus = r.text("/status").orElse("unknown");
        JsonNode workers = c.path("gpu_worker_nodes");
        if (!workers.isArray() || workers.isEmpty()) {
            int asked = r.number("/num_gpus").isPresent() ? (int) Math.max(0, r.number("/num_gpus").getAsDouble()) : 0;
            if (asked > 0) {
                out.add(node(new CloudNodes.Instance(CloudNodes.uniqueHost(label, id, hosts), region,
                        model, NodeState.MAINTENANCE, Optional.empty(), Metrics.ABSENT, asked, Metrics.ABSENT,
                        Metrics.ABSENT, driver, "", List.of(new HealthReason(Health.UNKNOWN, "cluster-provisioning",
                        "cluster " + label + " is " + clusterStatus + " and has no GPU worker nodes yet")))));
            }
            return;
        }
        int w = 0;
        for (JsonNode n : workers) {
            String nodeId = n.path("node_id").asString("");
            ItemReader nr = new ItemReader(name, "cluster " + label + " node " + (nodeId.isBlank() ? "#" + w : nodeId),
                    n, problems);
            w++;
            String status = nr.text("/status", "unknown");
            NodeState state = state(status);
            int gpus = nr.count("/num_gpus", 0, 0);
            List<HealthReason> reasons = new ArrayList<>();
            if (nr.incomplete() || r.incomplete()) {
                reasons.add(CloudNodes.incomplete(problems.getLast()));
            }
            if (state != running) {
                reasons.add(new HealthReason(state == NodeState.DOWN ? Health.CRIT : Health.UNKNOWN,
                        "node-status", "Together reports the node " + status));
            }
            String nodeName = nr.text("/node_name").or(() -> nr.text("/host_name")).orElse(null);
            out.add(node(new CloudNodes.Instance(CloudNodes.uniqueHost(nodeName,
                    nodeId.isBlank() ? label + "-" + w : nodeId, hosts), region, model, state, Optional.empty(),
                    Metrics.ABSENT, gpus, Metrics.ABSENT, Metrics.ABSENT, driver, "", reasons)));
        }
    }

    /** Together's node states, by their words: ready/running, provisioning, failed. */
    private NodeState state(String status) {
        String s = status.toLowerCase(Locale.ROOT);
        if (s.contains("notready") || s.contains("not ready") || s.contains("fail") || s.contains("error")
                || s.contains("unhealthy")) {
            return NodeState.DOWN;
        }
        if (s.equals("ready") || s.equals("running") || s.equals("active") || s.equals("healthy")) {
            return running;
        }
        return NodeState.MAINTENANCE;
    }
}
