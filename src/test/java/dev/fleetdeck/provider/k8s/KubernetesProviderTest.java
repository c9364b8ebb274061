package dev.fleetdeck.provider.k8s;

import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.ConfigLoader;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.support.ReplayServer;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes provider against fabric8's mock API server in CRUD mode on 127.0.0.1: a real client over HTTP, nodes
 * from real {@code kubectl get nodes -o json} output, pods created and deleted while the informers run.
 */
class KubernetesProviderTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private KubernetesMockServer server;
    private NamespacedKubernetesClient admin;

    @BeforeEach
    void startCluster() throws Exception {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        admin = server.createClient();
    }

    @AfterEach
    void stopCluster() {
        admin.close();
        server.destroy();
    }

    private Path kubeconfig(String url) throws Exception {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: lab
                    cluster: {server: "%s"}
                users:
                  - name: ops
                    user: {token: kube-token-for-tests}
                contexts:
                  - name: lab
                    context: {cluster: lab, user: ops}
                current-context: lab
                """.formatted(url));
        return file;
    }

    private FleetProvider provider(String url, String extra) throws Exception {
        String yaml = "providers:\n  - name: k8s\n    type: kubernetes\n    timeout: 30s\n    options:\n"
                + "      kubeconfig: " + kubeconfig(url) + "\n      context: lab\n"
                + extra.lines().map(l -> "      " + l + "\n").reduce("", String::concat);
        return new ConfigLoader(ProviderRegistry.load()).parse(yaml, "k8s.yaml").providers().getFirst().provider();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private void loadFixture(String file) throws Exception {
        String json = Files.readString(Path.of("src/test/resources/fixtures/kubernetes", file)).strip();
        NodeList list = admin.getKubernetesSerialization().unmarshal(json, NodeList.class);
        for (var n : list.getItems()) {
            n.getMetadata().setResourceVersion(null);
            n.getMetadata().setUid(null);
            admin.nodes().resource(n).create();
        }
    }

    private void h100Node(String name) {
        admin.nodes().resource(new NodeBuilder().withNewMetadata().withName(name)
                .addToLabels("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3")
                .addToLabels("nvidia.com/gpu.memory", "81559")
                .addToLabels("nvidia.com/gpu.count", "8")
                .addToLabels("topology.kubernetes.io/region", "us-east-1")
                .addToLabels("topology.kubernetes.io/zone", "us-east-1a")
                .addToLabels("node.kubernetes.io/instance-type", "p5.48xlarge")
                .addToLabels("nvidia.com/cuda.driver-version.full", "550.90.07")
                .endMetadata()
                .withNewSpec().endSpec()
                .withNewStatus()
                .addToCapacity("nvidia.com/gpu", new Quantity("8")).addToCapacity("cpu", new Quantity("192"))
                .addToAllocatable("nvidia.com/gpu", new Quantity("8"))
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build()).create();
    }

    private static Pod gpuPod(String ns, String name, String node, int gpus, Map<String, String> labels,
                              String phase) {
        var spec = new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).withLabels(labels).endMetadata()
                .withNewSpec();
        if (node != null) {
            spec = spec.withNodeName(node);
        } else {
            spec = spec.addToNodeSelector("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3");
        }
        return spec.addNewContainer().withName("train").withImage("trainer:1")
                .withNewResources().addToLimits("nvidia.com/gpu", new Quantity(String.valueOf(gpus))).endResources()
                .endContainer().endSpec().withNewStatus().withPhase(phase).endStatus().build();
    }

    /** Polls until the informers' cache shows what the test changed. */
    private static ProviderSnapshot until(FleetProvider p, Predicate<ProviderSnapshot> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ProviderSnapshot last = null;
        while (System.nanoTime() < deadline) {
            last = p.poll();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not seen within " + WAIT.toSeconds() + " s; last: " + last);
    }

    private static Node node(ProviderSnapshot snap, String name) {
        return snap.nodes().stream().filter(n -> n.hostname().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name));
    }

    @Test
    void nodesPodsTenantsStatesAndPendingDemandFollowTheCluster() throws Exception {
        loadFixture("edgexr-kubectl-get-nodes-vgpu-a16.json");
        loadFixture("edgexr-kubectl-get-nodes-aks-no-gpu.json");
        h100Node("gpu-h100-1");
        try (FleetProvider p = provider(url(), "tenant-label: customer\nregion: on-prem")) {
            int beforeStart = server.getRequestCount();
            ProviderSnapshot first = p.poll();
            assertEquals(List.of("gpu-h100-1", "nori"), first.nodes().stream().map(Node::hostname).toList(),
                    "GPU nodes only: the AKS nodes have no nvidia.com/gpu");
            Node a16 = node(first, "nori");
            assertEquals("A16-4Q", a16.gpuModel(), "a 4 GB vGPU slice of an A16 (NVIDIA-A16-4Q) is not a whole A16");
            assertEquals(1, a16.gpus().size());
            assertEquals(4096, a16.gpus().getFirst().memoryTotalMiB(), 0, "nvidia.com/gpu.memory");
            assertEquals("550.90.07", a16.driverVersion());
            assertEquals("12.4", a16.cudaVersion());
            assertEquals("on-prem", a16.region(), "no topology label: the configured region");
            Node h100 = node(first, "gpu-h100-1");
            assertEquals("H100", h100.gpuModel());
            assertEquals("us-east-1", h100.region());
            assertEquals(NodeState.AVAILABLE, h100.state());
            assertEquals(0, h100.allocatedGpus());
            int requestsAfterStart = server.getRequestCount();

            admin.pods().resource(gpuPod("team-a", "train-a", "gpu-h100-1", 4, Map.of("customer", "acme"),
                    "Running")).create();
            admin.pods().resource(gpuPod("team-b", "train-b", "gpu-h100-1", 4, Map.of(), "Running")).create();
            admin.pods().resource(gpuPod("team-c", "waiting", null, 8, Map.of(), "Pending")).create();
            admin.pods().resource(gpuPod("team-d", "done", "gpu-h100-1", 8, Map.of(), "Succeeded")).create();
            // Watch events arrive in any order: wait for all three pods to be in the cache.
            ProviderSnapshot busy = until(p, s -> node(s, "gpu-h100-1").state() == NodeState.RENTED
                    && !p.notices().isEmpty());
            Node full = node(busy, "gpu-h100-1");
            assertEquals(8, full.allocatedGpus(), "finished pods hold nothing");
            assertEquals(Optional.of("acme +1"), full.tenant(), "the customer label, else the namespace");
            assertEquals(List.of("pending GPU demand: 8 GPUs in 1 pod (H100 8)"), p.notices());

            admin.pods().inNamespace("team-b").withName("train-b").delete();
            Node half = node(until(p, s -> node(s, "gpu-h100-1").allocatedGpus() == 4), "gpu-h100-1");
            assertEquals(NodeState.AVAILABLE, half.state(), "4 of 8 free: available, counted part rented");
            assertEquals(Optional.of("acme"), half.tenant());

            admin.nodes().withName("gpu-h100-1").edit(n -> new NodeBuilder(n).editSpec().withUnschedulable(true)
                    .endSpec().build());
            Node cordoned = node(until(p, s -> node(s, "gpu-h100-1").state() == NodeState.MAINTENANCE), "gpu-h100-1");
            assertTrue(cordoned.healthReasons().stream().anyMatch(r -> r.code().equals("cordoned")));

            admin.nodes().withName("nori").edit(n -> new NodeBuilder(n).editStatus().editMatchingCondition(
                    c -> c.getType().equals("Ready")).withStatus("False").withReason("KubeletNotReady")
                    .endCondition().endStatus().build());
            Node down = node(until(p, s -> node(s, "nori").state() == NodeState.DOWN), "nori");
            assertTrue(down.healthReasons().stream().anyMatch(r -> r.code().equals("node-not-ready")
                    && r.message().contains("KubeletNotReady")), down.healthReasons().toString());

            // Informers: polls read the cache; the API server sees the watches' events, not a list per poll.
            int before = server.getRequestCount();
            for (int i = 0; i < 10; i++) {
                p.poll();
            }
            assertEquals(before, server.getRequestCount(), "10 polls, no request");
            assertTrue(requestsAfterStart - beforeStart <= 6, "the start lists and watches nodes and pods: "
                    + (requestsAfterStart - beforeStart) + " requests");
        }
    }

    @Test
    void withoutWatchEveryPollLists() throws Exception {
        h100Node("gpu-h100-1");
        try (FleetProvider p = provider(url(), "watch: false")) {
            p.poll();
            int before = server.getRequestCount();
            p.poll();
            assertEquals(before + 2, server.getRequestCount(), "nodes and pods listed again");
        }
    }

    @Test
    void aClusterWithoutGpusSaysSo() throws Exception {
        loadFixture("edgexr-kubectl-get-nodes-aks-no-gpu.json");
        try (FleetProvider p = provider(url(), "")) {
            assertTrue(p.poll().nodes().isEmpty());
            assertEquals(List.of("no GPU nodes: 3 nodes, none with nvidia.com/gpu capacity"), p.notices());
        }
    }

    @Test
    void refusedCredentialsAreAnAuthErrorAndADeadServerIsUnreachable() throws Exception {
        try (ReplayServer refusing = new ReplayServer().otherwise(401, """
                {"kind":"Status","apiVersion":"v1","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""",
                Map.of("Content-Type", "application/json"));
             FleetProvider p = provider(refusing.base().toString(), "")) {
            ProviderException e = assertThrows(ProviderException.class, p::poll);
            assertEquals(ProviderException.Kind.AUTH, e.kind());
            assertTrue(e.getMessage().startsWith("k8s: the API server " + refusing.base()
                    + "/ refused our credentials (401 Unauthorized)"), e.getMessage());
            assertTrue(refusing.requests().stream().allMatch(r -> "Bearer kube-token-for-tests".equals(
                    r.header("Authorization"))));
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (FleetProvider p = provider("http://127.0.0.1:" + closed, "")) {
            ProviderException e = assertThrows(ProviderException.class, p::poll);
            assertEquals(ProviderException.Kind.UNREACHABLE, e.kind());
            assertTrue(e.getMessage().contains("cannot reach the API server http://127.0.0.1:" + closed),
                    e.getMessage());
        }
    }

    @Test
    void metricsFromMustNameAnotherSource() throws Exception {
        String yaml = "providers:\n  - name: k8s\n    type: kubernetes\n    options:\n      kubeconfig: "
                + kubeconfig(url()) + "\n      metrics-from: [dcmg]\n  - name: dcgm\n    type: simulated\n";
        var e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(ProviderRegistry.load()).parse(yaml, "join.yaml"));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("join.yaml:6:21: providers[0].options.metrics-from: no source is named 'dcmg'; sources: dcgm, k8s",
                e.errors().getFirst().toString());
    }
}
