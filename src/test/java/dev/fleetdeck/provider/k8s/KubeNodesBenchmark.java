package dev.fleetdeck.provider.k8s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One Kubernetes poll from the informers' caches at the scale: 5,000 GPU nodes of 8 GPUs and 50,000 pods
 * (30,000 holding GPUs, 2,000 pending), turned into FleetDeck nodes with allocation, tenants and pending demand.
 * The API server is not involved: with informers, a poll reads the cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:ActiveProcessorCount=1", "-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KubeNodesBenchmark {
    private List<Node> nodes;
    private List<Pod> pods;
    private final KubeSettings settings = new KubeSettings(Optional.empty(), Optional.empty(), true,
            Duration.ofMinutes(10), Optional.of("customer"), List.of(), "lab", List.of());

    @Setup
    public void cluster() {
        nodes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            nodes.add(new NodeBuilder().withNewMetadata().withName("gpu-" + i)
                    .addToLabels("nvidia.com/gpu.product", i % 3 == 0 ? "NVIDIA-H200" : "NVIDIA-H100-80GB-HBM3")
                    .addToLabels("topology.kubernetes.io/region", "region-" + (i % 4)).endMetadata()
                    .withNewSpec().endSpec().withNewStatus()
                    .addToCapacity("nvidia.com/gpu", new Quantity("8"))
                    .addToAllocatable("nvidia.com/gpu", new Quantity("8"))
                    .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build());
        }
        pods = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            boolean gpu = i % 5 < 3;
            boolean pending = gpu && i % 25 == 0;
            var spec = new PodBuilder().withNewMetadata().withNamespace("ns-" + (i % 200)).withName("p-" + i)
                    .addToLabels("customer", "c-" + (i % 50)).endMetadata().withNewSpec();
            if (!pending) {
                spec = spec.withNodeName("gpu-" + (i % 5_000));
            }
            var c = spec.addNewContainer().withName("c").withImage("i");
            if (gpu) {
                c = c.withNewResources().addToLimits("nvidia.com/gpu", new Quantity("1")).endResources();
            }
            pods.add(c.endContainer().endSpec().withNewStatus().withPhase(pending ? "Pending" : "Running")
                    .endStatus().build());
        }
    }

    @Benchmark
    public KubeNodes.View pollFromCache() {
        return KubeNodes.of("k8s", nodes, pods, settings);
    }
}
