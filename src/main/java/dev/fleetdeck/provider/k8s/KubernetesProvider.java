package dev.fleetdeck.provider.k8s;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.input.BoundedFile;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Kubernetes cluster as a fleet source, through the fabric8 client: GPU nodes, what pods request of them, and
 * pending GPU demand. With {@code watch: true} (the default) two informers list nodes and GPU-holding pods once and
 * then follow the API's watch events, so a poll reads a local cache and a cluster of 5,000 nodes and 50,000 pods is not
 * listed again every cycle; {@code resync} re-delivers the cache now and then. With {@code watch: false}, or when
 * the API refuses watches, every poll lists.
 *
 * <p>Threads: the client and informers are created on the first poll (the polling thread), and their own threads
 * are stopped by {@link #close()}.
 */
final class KubernetesProvider implements FleetProvider {
    static final String TYPE = "kubernetes";
    private static final long MAX_KUBECONFIG_BYTES = 1 << 20;

    private final String name;
    private final KubeSettings settings;
    private final Duration timeout;
    private final Clock clock;
    private KubernetesClient client;
    private SharedIndexInformer<Node> nodes;
    private SharedIndexInformer<Pod> pods;
    private boolean listing;
    private volatile List<String> notices = List.of();

    KubernetesProvider(String name, KubeSettings settings, Duration timeout, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.timeout = timeout;
        this.clock = clock;
        this.listing = !settings.watch();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> metricsFrom() {
        return settings.metricsFrom();
    }

    @Override
    public List<String> notices() {
        return notices;
    }

    @Override
    public synchronized ProviderSnapshot poll() throws ProviderException, InterruptedException {
        try {
            if (client == null) {
                client = new KubernetesClientBuilder().withConfig(config()).build();
            }
            List<String> warnings = new ArrayList<>();
            List<Node> nodeList;
            List<Pod> podList;
            if (!listing && nodes == null) {
                startInformers(warnings);
            }
            if (listing) {
                nodeList = client.nodes().list().getItems();
                podList = podQuery().list().getItems();
            } else {
                nodeList = nodes.getStore().list();
                podList = pods.getStore().list();
                if (!nodes.isWatching() || !pods.isWatching()) {
                    warnings.add(name + ": the watch on the API server was lost; showing the last known state while "
                            + "it reconnects");
                }
            }
            KubeNodes.View view = KubeNodes.of(name, nodeList, podList, settings);
            notices = notices(view);
            return new ProviderSnapshot(name, clock.instant(), view.nodes(), warnings);
        } catch (KubernetesClientException e) {
            throw failure(e);
        }
    }

    private io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable<Pod, io.fabric8.kubernetes.api.model.PodList,
            io.fabric8.kubernetes.client.dsl.PodResource> podQuery() {
        // Finished pods hold no GPUs: leave them on the server rather than in our cache.
        return client.pods().inAnyNamespace().withoutField("status.phase", "Succeeded")
                .withoutField("status.phase", "Failed");
    }

    private void startInformers(List<String> warnings) throws ProviderException, InterruptedException {
        long resync = settings.resync().toMillis();
        SharedIndexInformer<Node> n = client.nodes().runnableInformer(resync);
        SharedIndexInformer<Pod> p = podQuery().runnableInformer(resync);
        try {
            n.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            p.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            nodes = n;
            pods = p;
        } catch (ExecutionException | CompletionException e) {
            n.stop();
            p.stop();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof KubernetesClientException k && k.getCode() == 405) {
                listing = true; // the API (or a proxy) refuses watches: list every poll instead
                warnings.add(name + ": the API server refuses watches; listing nodes and pods every poll");
                return;
            }
            throw cause instanceof KubernetesClientException k ? failure(k) : failure(new KubernetesClientException(
                    cause.getMessage(), cause));
        } catch (TimeoutException e) {
            n.stop();
            p.stop();
            throw new ProviderException(ProviderException.Kind.UNREACHABLE, name, "the first list of nodes and pods "
                    + "took longer than " + timeout.toSeconds() + " s (" + masterUrl() + ")");
        }
    }

    /** The kubeconfig (file and context) or the in-cluster service account, with our timeouts. */
    private Config config() throws ProviderException {
        Config base;
        String context = settings.context().orElse(null);
        if (settings.kubeconfig().isPresent()) {
            var path = settings.kubeconfig().get();
            try {
                BoundedFile.checkRegular(path, MAX_KUBECONFIG_BYTES, "kubeconfig");
                base = Config.fromKubeconfig(context, path.toFile());
            } catch (IOException | RuntimeException e) {
                throw new ProviderException(ProviderException.Kind.CONFIG, name, "cannot use kubeconfig " + path
                        + (context == null ? "" : " (context " + context + ")") + ": " + oneLine(e.getMessage()), e);
            }
        } else {
            base = Config.autoConfigure(context);
        }
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        return new ConfigBuilder(base).withRequestTimeout(ms).withConnectionTimeout(ms)
                .withRequestRetryBackoffLimit(0).withWatchReconnectLimit(-1).build();
    }

    private String masterUrl() {
        return client == null ? "API server" : client.getConfiguration().getMasterUrl();
    }

    /** A clear, one-line reason: refused credentials, an unreachable server, or what the API said. */
    private ProviderException failure(KubernetesClientException e) {
        int code = e.getCode();
        if (code == 401 || code == 403) {
            return new ProviderException(ProviderException.Kind.AUTH, name, "the API server " + masterUrl()
                    + " refused our credentials (" + code + (code == 401 ? " Unauthorized" : " Forbidden")
                    + "): check the token or certificate of the kubeconfig context"
                    + (code == 403 ? ", and that it may list and watch nodes and pods" : ""), null);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof java.net.http.HttpConnectTimeoutException) {
                String why = t instanceof UnknownHostException ? "unknown host"
                        : t instanceof ConnectException && t.getMessage() == null ? "connection refused"
                        : oneLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
                return new ProviderException(ProviderException.Kind.UNREACHABLE, name, "cannot reach the API server "
                        + masterUrl() + ": " + why, null);
            }
        }
        return new ProviderException(code >= 500 || code == 0 ? ProviderException.Kind.UNREACHABLE
                : ProviderException.Kind.BAD_DATA, name, "the API server " + masterUrl() + " answered "
                + (code == 0 ? "" : code + ": ") + oneLine(e.getMessage()), null);
    }

    private static List<String> notices(KubeNodes.View view) {
        List<String> out = new ArrayList<>();
        if (!view.pendingByModel().isEmpty()) {
            int total = view.pendingByModel().values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder s = new StringBuilder("pending GPU demand: " + total + " GPUs in " + view.pendingPods()
                    + (view.pendingPods() == 1 ? " pod (" : " pods ("));
            int i = 0;
            for (Map.Entry<String, Integer> e : view.pendingByModel().entrySet()) {
                s.append(i++ == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            }
            out.add(s.append(')').toString());
        }
        if (view.nodes().isEmpty() && view.nodesWithoutGpus() > 0) {
            out.add("no GPU nodes: " + view.nodesWithoutGpus() + " nodes, none with nvidia.com/gpu capacity");
        }
        return List.copyOf(out);
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "no detail";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 300 ? one : one.substring(0, 300) + "…";
    }

    @Override
    public synchronized void close() {
        if (nodes != null) {
            nodes.stop();
        }
        if (pods != null) {
            pods.stop();
        }
        if (client != null) {
            client.close();
        }
    }
}
