package dev.fleetdeck.provider.nvsmi;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuProcess;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.FanOut;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * Reads GPUs and their processes with {@code nvidia-smi} on this machine or on many hosts through a command
 * template (ssh by default), at most {@code concurrency} hosts at once, each command with a timeout that kills its
 * whole process tree. Which query fields a host's driver supports is asked once ({@code --help-query-gpu}) and
 * remembered; a field the driver refuses is dropped and the query retried.
 *
 * <p>A host that cannot be read shows as an unreachable node (the others still count, the provider is degraded);
 * when every host fails the poll fails. A GPU the driver reports lost is a critical health reason on its node and
 * the node keeps counting it (the largest number of GPUs seen on a host is its inventory).
 *
 * <p>Threads: {@link #poll()} on the polling thread; host reads on virtual threads named
 * {@code fleetdeck-nvsmi-HOST}, owned here and stopped by {@link #close()}.
 */
public final class NvsmiProvider implements FleetProvider {
    static final List<String> APPS_FIELDS = List.of("pid", "process_name", "used_gpu_memory", "gpu_uuid");

    private final String name;
    private final NvsmiSettings settings;
    private final NvsmiHostList hosts;
    private final Clock clock;
    private final ExecutorService hostThreads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("fleetdeck-nvsmi-", 0).factory());
    private final Semaphore permits;
    private final Map<String, List<String>> fieldsByHost = new ConcurrentHashMap<>();
    private final Map<String, Integer> inventory = new ConcurrentHashMap<>();
    private final Map<String, String> modelByHost = new ConcurrentHashMap<>();

    NvsmiProvider(String name, NvsmiSettings settings, NvsmiHostList hosts, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.hosts = hosts;
        this.clock = clock;
        this.permits = new Semaphore(settings.concurrency());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return NvsmiProviderFactory.TYPE;
    }

    @Override
    public ProviderSnapshot poll() throws ProviderException, InterruptedException {
        List<NvsmiHost> list = hosts.current();
        if (list.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.CONFIG, name, "no hosts to read (hosts and hosts-file "
                    + "are empty)");
        }
        List<HostReading> readings = FanOut.run(name, hostThreads, list, host -> {
            Thread.currentThread().setName("fleetdeck-nvsmi-" + host.name());
            return readHost(host);
        });
        List<Node> nodes = new ArrayList<>(list.size());
        List<String> warnings = new ArrayList<>();
        int failed = 0;
        String firstFailure = null;
        for (HostReading r : readings) {
            nodes.add(r.node());
            warnings.addAll(r.warnings());
            if (r.failed()) {
                failed++;
                firstFailure = firstFailure == null ? r.warnings().getFirst() : firstFailure;
            }
        }
        if (failed == list.size()) {
            throw new ProviderException(ProviderException.Kind.UNREACHABLE, name, (list.size() == 1 ? ""
                    : "all " + list.size() + " hosts failed; first: ") + firstFailure);
        }
        return new ProviderSnapshot(name, clock.instant(), nodes, warnings);
    }

    private record HostReading(Node node, List<String> warnings, boolean failed) {
    }

    private HostReading readHost(NvsmiHost host) throws InterruptedException {
        permits.acquire();
        try {
            return read(host);
        } catch (NvsmiCommand.HostFailure e) {
            return unreachable(host, e.getMessage());
        } finally {
            permits.release();
        }
    }

    private HostReading read(NvsmiHost host) throws NvsmiCommand.HostFailure, InterruptedException {
        NvsmiCommand cmd = new NvsmiCommand(settings, host);
        List<String> warnings = new ArrayList<>();
        if (settings.xml()) {
            Map<String, List<GpuProcess>> processes = new java.util.HashMap<>();
            NvsmiOutput gpus = cmd.queryXml(processes);
            noGpus(host, gpus, warnings);
            return new HostReading(node(host, gpus, processes), warnings, false);
        }
        List<String> fields = fieldsByHost.computeIfAbsent(host.name(), h -> List.of());
        if (fields.isEmpty()) {
            fields = cmd.supportedFields();
            fieldsByHost.put(host.name(), fields);
        }
        NvsmiOutput gpus = cmd.queryGpus(fields);
        List<String> refused = new ArrayList<>();
        while (gpus.rows().isEmpty() && cmd.lastRefusedField().isPresent() && refused.size() < fields.size()) {
            // The driver refused a field it listed (it happens across driver updates): drop it and ask again, as
            // often as it takes in this same poll, so that two refused fields cost one poll, not two.
            refused.add(cmd.lastRefusedField().get());
            List<String> fewer = new ArrayList<>(fields);
            fewer.removeAll(refused);
            fieldsByHost.put(host.name(), List.copyOf(fewer));
            gpus = cmd.queryGpus(fewer);
        }
        if (!refused.isEmpty()) {
            warnings.add(label(host) + ": the driver refused " + String.join(", ", refused)
                    + "; read without " + (refused.size() == 1 ? "it" : "them") + " from now on");
        }
        noGpus(host, gpus, warnings);
        if (!gpus.garbage().isEmpty()) {
            warnings.add(label(host) + ": ignored unexpected output from nvidia-smi: " + gpus.garbage().getFirst());
        }
        Map<String, List<GpuProcess>> processes = Map.of();
        if (gpus.driverFailure().isEmpty() && !gpus.rows().isEmpty()) {
            try {
                processes = NvsmiGpus.processes(cmd.queryApps().rows());
            } catch (NvsmiCommand.HostFailure e) {
                warnings.add(label(host) + ": processes not read: " + e.getMessage());
            }
        }
        return new HostReading(node(host, gpus, processes), warnings, false);
    }

    /** A host whose nvidia-smi answers but lists no GPU is worth a word: it is never silently an empty node. */
    private void noGpus(NvsmiHost host, NvsmiOutput out, List<String> warnings) {
        if (out.rows().isEmpty() && out.lost().isEmpty() && out.driverFailure().isEmpty()) {
            warnings.add(label(host) + ": nvidia-smi answered but listed no GPU (is the driver loaded, and are the "
                    + "GPUs visible to this user or container?)");
        }
    }

    private Node node(NvsmiHost host, NvsmiOutput out, Map<String, List<GpuProcess>> processes) {
        List<Gpu> gpus = new ArrayList<>(out.rows().size());
        for (int i = 0; i < out.rows().size(); i++) {
            Map<String, String> row = out.rows().get(i);
            String uuid = NvsmiValues.text(NvsmiGpus.value(row, NvsmiField.UUID));
            gpus.add(NvsmiGpus.gpu(row, i, processes.getOrDefault(uuid, List.of())));
        }
        gpus.sort(Comparator.comparingInt(Gpu::index));
        List<HealthReason> reasons = new ArrayList<>();
        out.lost().forEach((busId, why) -> reasons.add(new HealthReason(Health.CRIT, "gpu-lost",
                "GPU at " + busId + " is lost (fell off the bus): " + why)));
        out.driverFailure().ifPresent(msg -> reasons.add(new HealthReason(Health.CRIT, "driver-failed",
                "nvidia-smi: " + msg)));
        int seen = gpus.size() + out.lost().size();
        int expected = inventory.merge(host.name(), seen, Math::max);
        String model = gpus.isEmpty() ? modelByHost.getOrDefault(host.name(), "unknown") : dominantModel(gpus);
        modelByHost.put(host.name(), model);
        String driver = out.rows().isEmpty() ? ""
                : NvsmiValues.text(NvsmiGpus.value(out.rows().getFirst(), NvsmiField.DRIVER_VERSION));
        boolean busy = gpus.stream().anyMatch(g -> g.processes().stream().anyMatch(settings::isWorkload));
        NodeState state = out.driverFailure().isPresent() ? NodeState.DOWN
                : busy && settings.busyMeansRented() ? NodeState.RENTED : NodeState.AVAILABLE;
        return new Node(label(host), name, region(host), model, state, Optional.empty(), Metrics.ABSENT, driver, "",
                expected, gpus, Health.UNKNOWN, reasons);
    }

    private HostReading unreachable(NvsmiHost host, String why) {
        String message = label(host) + ": " + why;
        Node node = new Node(label(host), name, region(host), modelByHost.getOrDefault(host.name(), "unknown"),
                NodeState.UNREACHABLE, Optional.empty(), Metrics.ABSENT, "", "",
                inventory.getOrDefault(host.name(), 0), List.of(), Health.UNKNOWN,
                List.of(new HealthReason(Health.UNKNOWN, "host-unreachable", message)));
        return new HostReading(node, List.of(message), true);
    }

    private static String dominantModel(List<Gpu> gpus) {
        return gpus.stream().collect(Collectors.groupingBy(Gpu::model, HashMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse("unknown");
    }

    private String label(NvsmiHost host) {
        return host.isLocal() ? settings.localHostname() : host.name();
    }

    private String region(NvsmiHost host) {
        return host.region().orElse(settings.region());
    }

    /** Stops host reads still running (their process trees are killed). */
    @Override
    public void close() {
        hostThreads.shutdownNow();
    }
}
