package dev.fleetdeck.provider.nvsmi;

import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.ConfigLoader;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuProcess;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ThrottleReason;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.service.health.HealthRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nvidia-smi provider against a fake nvidia-smi (and a fake ssh) run as real processes. */
class NvsmiProviderTest {
    @TempDir
    Path dir;
    private Path smi;
    private Path ssh;
    private FleetDeckConfig config;

    @BeforeEach
    void install() throws IOException {
        smi = copyExecutable("fake-nvidia-smi.sh", "nvidia-smi");
        ssh = copyExecutable("fake-ssh.sh", "ssh");
    }

    @AfterEach
    void close() {
        if (config != null) {
            config.close();
        }
    }

    private Path copyExecutable(String resource, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/nvsmi/" + resource)) {
            Files.write(target, in.readAllBytes());
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        return target;
    }

    private void mode(String mode) throws IOException {
        Files.writeString(dir.resolve("mode"), mode);
    }

    private void mode(String host, String mode) throws IOException {
        Files.writeString(dir.resolve("mode." + host), mode);
    }

    private FleetProvider provider(String extra) throws ConfigException {
        String yaml = """
                providers:
                  - name: lab
                    type: nvidia-smi
                    timeout: 20s
                    concurrency: 8
                    options:
                      nvidia-smi: %s
                      command: "%s {host}"
                %s
                """.formatted(smi, ssh, extra.indent(6));
        config = new ConfigLoader(ProviderRegistry.load()).parse(yaml, "test.yaml");
        return config.providers().getFirst().provider();
    }

    private String calls() throws IOException {
        return Files.readString(dir.resolve("calls.log"));
    }

    @Test
    void readsTheLocalMachineWithProcessesAndThrottleReasons() throws Exception {
        FleetProvider p = provider("hosts: [local]\nregion: lab-1");
        ProviderSnapshot snap = p.poll();
        assertThat(snap.warnings()).isEmpty();
        Node node = snap.nodes().getFirst();
        assertEquals(NvsmiProviderFactory.localHostname(), node.hostname());
        assertEquals("lab-1", node.region());
        assertEquals("H100", node.gpuModel());
        assertEquals("570.86.15", node.driverVersion());
        assertEquals(8, node.gpus().size());
        assertEquals(NodeState.RENTED, node.state(), "processes running: busy means rented");
        Gpu g3 = node.gpus().get(3);
        assertEquals(30.0, g3.utilizationPct());
        assertEquals(43.0, g3.temperatureC());
        assertEquals(103.5, g3.powerW());
        assertTrue(Double.isNaN(g3.memoryTemperatureC()), "[N/A] is absent");
        assertEquals(java.util.Set.of(ThrottleReason.HW_THERMAL_SLOWDOWN), node.gpus().get(7).throttleReasons());
        assertEquals(List.of(new GpuProcess(4242, "python train.py --tags a,b", 30000)),
                node.gpus().get(0).processes());
        assertTrue(Double.isNaN(node.gpus().get(1).processes().getFirst().usedMemoryMiB()));
        assertThat(calls()).contains("--query-gpu=index,uuid,name,pci.bus_id,driver_version,utilization.gpu")
                .contains("clocks_event_reasons.active").contains("gpu_recovery_action")
                .contains("--format=csv,noheader,nounits")
                .contains("--query-compute-apps=pid,process_name,used_gpu_memory,gpu_uuid");

        p.poll();
        assertEquals(1, calls().lines().filter(l -> l.contains("--help-query-gpu")).count(),
                "supported fields are asked once per host");
    }

    @Test
    void anOldDriverIsAskedForTheOldFieldName() throws Exception {
        mode("old-driver");
        Node node = provider("hosts: [local]").poll().nodes().getFirst();
        assertThat(calls()).contains("clocks_throttle_reasons.active").doesNotContain("clocks_event_reasons.active");
        assertEquals(java.util.Set.of(ThrottleReason.HW_THERMAL_SLOWDOWN), node.gpus().get(7).throttleReasons());
    }

    @Test
    void aFieldTheDriverRefusesIsDroppedAndRemembered() throws Exception {
        mode("refuse-recovery");
        FleetProvider p = provider("hosts: [local]");
        assertEquals(8, p.poll().nodes().getFirst().gpus().size());
        p.poll();
        List<String> queries = calls().lines().filter(l -> l.contains("--query-gpu=")).toList();
        assertEquals(3, queries.size());
        assertThat(queries.get(0)).contains("gpu_recovery_action");
        assertThat(queries.get(1)).doesNotContain("gpu_recovery_action");
        assertThat(queries.get(2)).doesNotContain("gpu_recovery_action");
    }

    @Test
    void aFailedDriverIsANodeDownNotAParseError() throws Exception {
        mode("driver-failed");
        Node node = new HealthRules(85, 92, 95, 105).evaluate(provider("hosts: [local]").poll().nodes().getFirst());
        assertEquals(NodeState.DOWN, node.state());
        assertEquals(Health.CRIT, node.health());
        assertThat(node.healthReasons()).anySatisfy(r -> {
            assertEquals("driver-failed", r.code());
            assertThat(r.message()).contains("couldn't communicate with the NVIDIA driver");
        });
    }

    @Test
    void aLostGpuIsAHealthEventAndStillCounts() throws Exception {
        mode("lost");
        Node node = new HealthRules(85, 92, 95, 105).evaluate(provider("hosts: [local]").poll().nodes().getFirst());
        assertEquals(7, node.gpus().size());
        assertEquals(8, node.expectedGpus(), "the lost GPU is still part of the node");
        assertEquals(Health.CRIT, node.health());
        assertThat(node.healthReasons()).anySatisfy(r -> assertEquals(
                "GPU at 0000:3B:00.0 is lost (fell off the bus): GPU is lost.  Reboot the system to recover this GPU",
                r.message()));
        assertThat(node.gpus()).extracting(Gpu::index).containsExactly(0, 1, 2, 4, 5, 6, 7);
    }

    @Test
    void aHostThatFailsShowsAsUnreachableWhileTheOthersCount() throws Exception {
        mode("gpu-02", "refused");
        ProviderSnapshot snap = provider("hosts: [gpu-01, gpu-02 region=eu-1]").poll();
        assertEquals(2, snap.nodes().size());
        Node bad = snap.nodes().get(1);
        assertEquals(NodeState.UNREACHABLE, bad.state());
        assertEquals("eu-1", bad.region());
        assertEquals("gpu-02: ssh: connect to host gpu-02 port 22: Connection refused (exit 255)",
                snap.warnings().getFirst());
        assertEquals(8, snap.nodes().getFirst().gpus().size());
    }

    @Test
    void whenEveryHostFailsThePollFails() throws Exception {
        mode("refused");
        ProviderException e = assertThrows(ProviderException.class, () -> provider("hosts: [a, b]").poll());
        assertEquals(ProviderException.Kind.UNREACHABLE, e.kind());
        assertThat(e.getMessage()).startsWith("lab: all 2 hosts failed; first: a: ssh: connect to host a");
    }

    @Test
    void garbageInsteadOfCsvIsAClearError() throws Exception {
        mode("garbage");
        ProviderException e = assertThrows(ProviderException.class, () -> provider("hosts: [local]").poll());
        assertThat(e.getMessage()).contains("nvidia-smi printed something that is not its CSV: "
                + "\"<html><body>Please log in</body></html>\"");
    }

    @Test
    void aHangingCommandIsKilledWithItsChildrenAndLeavesNoZombie() throws Exception {
        mode("hang");
        FleetProvider p = provider("hosts: [local]\ncommand-timeout: 700ms");
        ProviderException e = assertThrows(ProviderException.class, p::poll);
        assertThat(e.getMessage()).contains("did not finish within 700 ms (killed with its child processes)");
        assertGone(Files.readString(dir.resolve("hang.pids")).strip().split(" "));
    }

    @Test
    void anInterruptedPollKillsItsProcesses() throws Exception {
        mode("hang");
        FleetProvider p = provider("hosts: [local]\ncommand-timeout: 60s");
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        Thread poller = Thread.ofVirtual().start(() -> {
            try {
                p.poll();
                result.complete(null);
            } catch (Throwable t) {
                result.complete(t);
            }
        });
        Path pids = dir.resolve("hang.pids");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(pids) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        poller.interrupt();
        assertThat(result.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertGone(Files.readString(pids).strip().split(" "));
    }

    private static void assertGone(String[] pids) throws InterruptedException {
        for (String pid : pids) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            Path stat = Path.of("/proc", pid, "stat");
            while (Files.exists(stat) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(Files.exists(stat), "process " + pid + " is gone, not a zombie");
        }
    }

    @Test
    void sixtyFourHostsAtOnceStayWithinTheConcurrencyBound() throws Exception {
        mode("slow");
        StringBuilder hosts = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hosts.append(String.format("gpu-%02d region=r%d%n", i, i % 4));
        }
        Path hostFile = dir.resolve("hosts.txt");
        Files.writeString(hostFile, "# lab hosts\n" + hosts);
        long t0 = System.nanoTime();
        ProviderSnapshot snap = provider("hosts-file: " + hostFile).poll();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(64, snap.nodes().size());
        assertEquals(512, snap.nodes().stream().mapToInt(n -> n.gpus().size()).sum());
        assertThat(snap.warnings()).isEmpty();
        assertEquals("r3", snap.nodes().get(63).region());
        List<Integer> running = Files.readAllLines(dir.resolve("concurrency.log")).stream().map(Integer::parseInt)
                .toList();
        int max = running.stream().mapToInt(Integer::intValue).max().orElseThrow();
        System.out.printf("64 hosts: %d ms, at most %d nvidia-smi runs at once (bound 8)%n", ms, max);
        assertThat(max).isBetween(2, 8);
    }

    @Test
    void theHostFileIsReadAgainWhenItChanges() throws Exception {
        Path hostFile = dir.resolve("hosts.txt");
        Files.writeString(hostFile, "a\n");
        FleetProvider p = provider("hosts-file: " + hostFile);
        assertEquals(1, p.poll().nodes().size());
        Files.writeString(hostFile, "a\nb region=x  # added\n");
        Files.setLastModifiedTime(hostFile, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                + 5000));
        assertThat(p.poll().nodes()).extracting(Node::hostname).containsExactly("a", "b");
        Files.writeString(hostFile, "a\n-oProxyCommand=evil\n");
        Files.setLastModifiedTime(hostFile, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                + 10_000));
        ProviderException e = assertThrows(ProviderException.class, p::poll);
        assertEquals(ProviderException.Kind.CONFIG, e.kind());
        assertThat(e.getMessage()).contains("hosts.txt:2: '-oProxyCommand=evil' is not a host name");
    }

    @Test
    void configErrorsNameTheKey() {
        String yaml = """
                providers:
                  - name: lab
                    type: nvidia-smi
                    options:
                      hosts: ['-oProxyCommand=x']
                      command: "ssh gpu"
                """;
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(ProviderRegistry.load()).parse(yaml, "test.yaml"));
        assertThat(e.getMessage()).contains("providers[0].options.hosts: '-oProxyCommand=x' is not a host name")
                .contains("providers[0].options.command: must contain {host}");
        e = assertThrows(ConfigException.class, () -> provider(""));
        assertThat(e.getMessage()).contains("providers[0].options.hosts: missing");
    }

    @Test
    void theCommandTemplateIsAnArgvNotAShellLine() {
        NvsmiSettings s = new NvsmiSettings(List.of("ssh", "-o", "BatchMode=yes", "{host}"), "nvidia-smi", "r",
                Duration.ofSeconds(1), 1, true, "me", false);
        NvsmiHost host = NvsmiHost.parse("admin@gpu-07.lab rack=r1").orElseThrow();
        assertEquals(List.of("ssh", "-o", "BatchMode=yes", "admin@gpu-07.lab", "nvidia-smi", "-L"),
                new NvsmiCommand(s, host).argv(List.of("-L")));
        assertThrows(IllegalArgumentException.class, () -> NvsmiHost.parse("gpu-07;rm -rf"),
                "shell characters are not a host name");
    }

    @Test
    void theXmlFormatReadsGpusAndProcessesInOneCommand() throws Exception {
        Files.writeString(dir.resolve("smi.xml"), NvsmiXmlTest.fixture("telegraf-tesla-t4.xml"));
        ProviderSnapshot snap = provider("hosts: [local]\nformat: xml").poll();
        Node node = snap.nodes().getFirst();
        assertEquals("T4", node.gpuModel());
        assertEquals("515.105.01", node.driverVersion());
        assertEquals(2, node.gpus().getFirst().processes().size());
        assertEquals(NodeState.RENTED, node.state());
        assertEquals(1, calls().lines().count(), "one nvidia-smi run per host");
        assertThat(calls()).contains("-q -x");
    }

    @Test
    void aDesktopsCompositorAndDisplayServerDoNotMakeANodeRented() throws Exception {
        mode("desktop");
        Node node = provider("hosts: [local]").poll().nodes().getFirst();
        assertThat(node.gpus().getFirst().processes()).extracting(GpuProcess::programName)
                .containsExactly("kwin_wayland", "Xorg");
        assertEquals(NodeState.AVAILABLE, node.state(), "kwin_wayland (25 MiB) and Xorg are not a customer's work");

        Node custom = provider("hosts: [local]\nignore-processes: [Xorg]").poll().nodes().getFirst();
        assertEquals(NodeState.RENTED, custom.state(), "with only Xorg ignored, kwin_wayland counts");
    }

    @Test
    void anEmptyAnswerIsAWarningThatSaysWhatHappened() throws Exception {
        mode("empty");
        ProviderSnapshot snap = provider("hosts: [local]").poll();
        assertThat(snap.nodes().getFirst().gpus()).isEmpty();
        assertThat(snap.warnings()).anySatisfy(w -> assertThat(w).contains("nvidia-smi answered but listed no GPU"));
    }

    @Test
    void everyRefusedFieldIsDroppedInTheSamePoll() throws Exception {
        mode("refuse-two");
        ProviderSnapshot snap = provider("hosts: [local]").poll();
        assertEquals(8, snap.nodes().getFirst().gpus().size(), "two refused fields cost no GPU and no extra poll");
        assertThat(snap.warnings()).anySatisfy(w -> assertThat(w)
                .contains("the driver refused gpu_recovery_action, remapped_rows.failure"));
    }

    @Test
    void childrenThatOutliveNvidiaSmiAreEndedAfterEveryCommand() throws Exception {
        mode("detach");
        provider("hosts: [local]").poll();
        String[] detached = Files.readString(dir.resolve("detached.pids")).strip().split("\\s+");
        assertThat(detached).hasSizeGreaterThanOrEqualTo(2);
        assertGone(detached);

        mode("hold-stdout");
        ProviderSnapshot snap = provider("hosts: [local]").poll();
        assertEquals(8, snap.nodes().getFirst().gpus().size());
        assertGone(Files.readString(dir.resolve("holding.pids")).strip().split("\\s+"));
    }
}
