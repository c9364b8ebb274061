package dev.fleetdeck.provider.k8s;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.ProviderSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code type: kubernetes}:
 * <pre>
 * options:
 *   kubeconfig: ~/.kube/config      # default: $KUBECONFIG, ~/.kube/config, or the in-cluster service account
 *   context: gpu-prod               # default: the kubeconfig's current context
 *   watch: true                     # informers (list once, then watch); false lists every poll
 *   resync: 10m
 *   tenant-label: customer          # pod label naming the customer; default: the pod's namespace
 *   namespaces: [team-a, team-b]    # only these namespaces' pods count (default: all)
 *   region: on-prem                 # for nodes without topology.kubernetes.io/region
 *   metrics-from: [dcgm]            # join per-GPU metrics of these prometheus/dcgm sources by node name
 * </pre>
 */
public final class KubernetesProviderFactory implements ProviderFactory {
    @Override
    public String type() {
        return KubernetesProvider.TYPE;
    }

    @Override
    public String description() {
        return "a Kubernetes cluster: GPU nodes, GPUs requested by pods per node and tenant, pending GPU demand";
    }

    @Override
    public FleetProvider create(ProviderSpec spec) {
        ProviderOptions o = spec.options();
        Optional<Path> kubeconfig = o.findString("kubeconfig").map(p -> Path.of(p.startsWith("~/")
                ? System.getProperty("user.home") + p.substring(1) : p));
        kubeconfig.ifPresent(p -> {
            if (!Files.isRegularFile(p)) {
                o.error("kubeconfig", "no such file: " + p);
            }
        });
        Optional<String> context = o.findString("context");
        boolean watch = o.getBoolean("watch", true);
        Duration resync = o.getDuration("resync", Duration.ofMinutes(10));
        Optional<String> tenantLabel = o.findString("tenant-label");
        List<String> namespaces = o.getStringList("namespaces", List.of());
        String region = o.getString("region", "kubernetes");
        List<String> metricsFrom = o.getStringList("metrics-from", List.of());
        if (metricsFrom.contains(spec.name())) {
            o.error("metrics-from", "a source cannot take metrics from itself");
        }
        return new KubernetesProvider(spec.name(), new KubeSettings(kubeconfig, context, watch, resync, tenantLabel,
                namespaces, region, metricsFrom), spec.timeout(), Clock.systemUTC());
    }
}
