package dev.fleetdeck.provider.k8s;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the Kubernetes provider connects and reads.
 *
 * @param kubeconfig   the kubeconfig file; empty: {@code $KUBECONFIG}, {@code ~/.kube/config}, or the in-cluster
 *                     service account when FleetDeck runs in a pod
 * @param context      the kubeconfig context; empty for its current context
 * @param watch        informers (list once, then watch) rather than a list every poll
 * @param resync       how often informers re-deliver their whole cache (a safety net, not a re-list)
 * @param tenantLabel  the pod label naming the customer; empty: the pod's namespace
 * @param namespaces   namespaces whose pods count; empty for all
 * @param region       the region of nodes without a topology label
 * @param metricsFrom  providers (prometheus, dcgm) whose per-GPU metrics join these nodes by node name
 */
record KubeSettings(Optional<Path> kubeconfig, Optional<String> context, boolean watch, Duration resync,
                    Optional<String> tenantLabel, List<String> namespaces, String region, List<String> metricsFrom) {
    KubeSettings {
        namespaces = List.copyOf(namespaces);
        metricsFrom = List.copyOf(metricsFrom);
    }
}
