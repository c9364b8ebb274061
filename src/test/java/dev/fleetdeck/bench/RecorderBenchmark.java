package dev.fleetdeck.bench;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.provider.sim.SimSettings;
import dev.fleetdeck.provider.sim.SimulatedProvider;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.health.HealthTrends;
import dev.fleetdeck.service.recording.Recorder;
import dev.fleetdeck.service.recording.Recording;
import dev.fleetdeck.model.RecordingSettings;
import dev.fleetdeck.support.TestFrames;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The flight recorder's figures. Part 1, at scale: a simulated fleet of {@code gpus} GPUs recorded at a 10 s
 * resolution — the recorder thread's CPU per frame (as a share of one core), write time, bytes per GPU-metric sample
 * and the time to rebuild the frame at a random moment. Part 2, side by side with Prometheus: the same frames of a
 * 1,000-GPU fleet over one hour stored by FleetDeck and by Prometheus' own TSDB writer ({@code promtool tsdb
 * create-blocks-from openmetrics}, the blocks a Prometheus server keeps), bytes per sample of each and the ratio.
 * Run: {@code java -Xmx6g -cp … dev.fleetdeck.bench.RecorderBenchmark [gpus] [frames]}.
 */
public final class RecorderBenchmark {
    /** Per-GPU metrics FleetDeck records every frame (the gpu_samples columns besides time and key). */
    static final int METRICS = 11;
    private static final Duration STEP = Duration.ofSeconds(10);

    private RecorderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int gpus = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        scale(gpus, frames);
        comparison(1_000, 360);
    }

    /** Generates {@code n} frames 10 s apart and hands each to {@code sink}. */
    static void frames(int gpus, int n, Consumer<FleetFrame> sink) throws InterruptedException {
        BenchFleet.SettableClock clock = new BenchFleet.SettableClock(BenchFleet.START);
        SimSettings d = SimSettings.defaults();
        SimulatedProvider provider = new SimulatedProvider("bench", new SimSettings(42, gpus / 8, 8, d.regions(),
                d.models(), 64, 1.0, "gpu", Optional.of(BenchFleet.START), 1.0), clock);
        FleetAssembler assembler = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5),
                new HealthTrends());
        TestFrames engines = new TestFrames();
        for (int i = 0; i < n; i++) {
            clock.now = BenchFleet.START.plus(STEP.multipliedBy(i));
            sink.accept(engines.next(BenchFleet.assemble(assembler, i + 1, clock.now, provider.poll())));
        }
    }

    private static void scale(int gpus, int n) throws Exception {
        Path dir = Files.createTempDirectory("fleetdeck-recorder-bench");
        Path file = dir.resolve("scale.duckdb");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] cpuMs = new double[n];
        double[] processMs = new double[n];
        double[] wallMs = new double[n];
        double sealCpuMs;
        double sealWallMs;
        Recorder recorder = Recorder.toFile(file, RecordingSettings.in(dir).withResolution(STEP),
                Clock.fixed(BenchFleet.START, ZoneOffset.UTC));
        try (Recorder r = recorder) {
            long id = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("fleetdeck-recorder")).findFirst().orElseThrow().threadId();
            int[] i = {0};
            frames(gpus, n, f -> {
                long cpu0 = mx.getThreadCpuTime(id);
                long p0 = os.getProcessCpuTime() - mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                long before = recorder.status().framesWritten();
                recorder.accept(f);
                while (recorder.status().framesWritten() == before) {
                    sleep();
                }
                wallMs[i[0]] = (System.nanoTime() - t0) / 1e6;
                processMs[i[0]] = (os.getProcessCpuTime() - mx.getCurrentThreadCpuTime() - p0) / 1e6;
                cpuMs[i[0]++] = (mx.getThreadCpuTime(id) - cpu0) / 1e6;
            });
            long p0 = os.getProcessCpuTime() - mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            r.close(); // seals: the segment rewritten in series order
            sealWallMs = (System.nanoTime() - t0) / 1e6;
            sealCpuMs = (os.getProcessCpuTime() - mx.getCurrentThreadCpuTime() - p0) / 1e6;
        }
        long bytes = Files.size(file);
        long samples = (long) gpus * n * METRICS;
        double[] seekMs = seek(file, 20);
        double[] steady = Arrays.copyOfRange(cpuMs, Math.min(3, n - 1), n); // the first frames write every node
        double[] steadyProcess = Arrays.copyOfRange(processMs, Math.min(3, n - 1), n);
        double allCpu = Arrays.stream(processMs).sum() + sealCpuMs;
        System.out.printf("recorder at %,d GPUs, %d frames %d s apart:%n", gpus, n, STEP.toSeconds());
        System.out.printf("  recorder thread CPU per frame: median %.0f ms, max %.0f ms (first frame %.0f ms)%n",
                median(steady), max(steady), cpuMs[0]);
        System.out.printf("  all threads but the generator's (recorder, DuckDB) per frame: median %.0f ms, max %.0f"
                + " ms%n", median(steadyProcess), max(steadyProcess));
        System.out.printf("  sealing the segment: %.0f ms CPU, %.0f ms wall%n", sealCpuMs, sealWallMs);
        System.out.printf("  average cost with sealing: %.2f %% of one core at a 10 s resolution%n",
                100 * allCpu / (n * (double) STEP.toMillis()));
        System.out.printf("  write per frame (hand-over to committed): median %.0f ms, max %.0f ms%n",
                median(wallMs), max(wallMs));
        System.out.printf("  store: %,d bytes for %,d GPU-metric samples = %.2f bytes/sample%n", bytes, samples,
                (double) bytes / samples);
        System.out.printf("  rebuild the frame at a random moment: median %.0f ms, max %.0f ms (%d seeks)%n",
                median(seekMs), max(seekMs), seekMs.length);
        if (Boolean.getBoolean("bench.keep")) {
            System.out.println("  kept " + file);
        } else {
            deleteTree(dir);
        }
    }

    private static double[] seek(Path file, int count) {
        try (Recording rec = Recording.open(file, AlertSettings.defaults())) {
            Recording.Span span = rec.span();
            SplittableRandom random = new SplittableRandom(7);
            long width = Duration.between(span.first(), span.last()).toMillis();
            rec.frameAt(span.last()); // warm up
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                Instant at = span.first().plusMillis(random.nextLong(width + 1));
                long t0 = System.nanoTime();
                rec.frameAt(at);
                out[i] = (System.nanoTime() - t0) / 1e6;
            }
            return out;
        }
    }

    private static void comparison(int gpus, int n) throws Exception {
        Path dir = Files.createTempDirectory("fleetdeck-recorder-vs-prometheus");
        Path file = dir.resolve("fleetdeck.duckdb");
        OpenMetricsSeries series = new OpenMetricsSeries(gpus, n);
        try (Recorder recorder = Recorder.toFile(file, RecordingSettings.in(dir).withResolution(STEP),
                Clock.fixed(BenchFleet.START, ZoneOffset.UTC))) {
            frames(gpus, n, f -> {
                series.add(f);
                long before = recorder.status().framesWritten();
                recorder.accept(f);
                while (recorder.status().framesWritten() == before) {
                    sleep();
                }
            });
        }
        long ours = Files.size(file);
        long samples = (long) gpus * n * METRICS;
        long[] prom = series.promtoolBlocks(dir);
        double oursPerSample = (double) ours / samples;
        double promPerSample = (double) prom[0] / prom[1];
        System.out.printf("the same %,d GPUs over %d frames (%s), side by side:%n", gpus, n,
                dev.fleetdeck.model.Units.age(STEP.multipliedBy(n)));
        System.out.printf("  FleetDeck (DuckDB): %,d bytes / %,d samples = %.2f bytes/sample%n", ours, samples,
                oursPerSample);
        System.out.printf("  Prometheus TSDB (promtool blocks, chunks + index): %,d bytes / %,d samples = %.2f"
                + " bytes/sample%n", prom[0], prom[1], promPerSample);
        System.out.printf("  ratio FleetDeck / Prometheus: %.2f%n", oursPerSample / promPerSample);
        deleteTree(dir);
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Values of the frames in the shape an OpenMetrics file needs (a family's series together, time in order). */
    static final class OpenMetricsSeries {
        private static final String[] NAMES = {"DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_FB_USED", "DCGM_FI_DEV_GPU_TEMP",
            "DCGM_FI_DEV_MEMORY_TEMP", "DCGM_FI_DEV_POWER_USAGE", "DCGM_FI_DEV_SM_CLOCK",
            "DCGM_FI_DEV_ECC_SBE_VOL_TOTAL", "DCGM_FI_DEV_ECC_DBE_VOL_TOTAL", "DCGM_FI_DEV_XID_ERRORS",
            "DCGM_FI_DEV_CLOCK_THROTTLE_REASONS", "fleetdeck_gpu_health"};
        private final double[][][] values; // metric, gpu, frame
        private final long[] times;
        private final String[] labels;
        private int frame;

        OpenMetricsSeries(int gpus, int frames) {
            values = new double[NAMES.length][gpus][frames];
            times = new long[frames];
            labels = new String[gpus];
        }

        void add(FleetFrame f) {
            int g = 0;
            for (Node node : f.snapshot().nodes()) {
                for (Gpu gpu : node.gpus()) {
                    if (g >= labels.length) {
                        return;
                    }
                    labels[g] = "{Hostname=\"" + node.hostname() + "\",gpu=\"" + gpu.index() + "\"}";
                    double[] v = {gpu.utilizationPct(), gpu.memoryUsedMiB(), gpu.temperatureC(),
                        gpu.memoryTemperatureC(), gpu.powerW(), gpu.smClockMHz(), gpu.eccCorrected(),
                        gpu.eccUncorrected(), gpu.lastXid(), throttleBits(gpu), gpu.health().ordinal()};
                    for (int m = 0; m < v.length; m++) {
                        values[m][g][frame] = v[m];
                    }
                    g++;
                }
            }
            times[frame++] = f.snapshot().takenAt().toEpochMilli();
        }

        private static double throttleBits(Gpu g) {
            int bits = 0;
            for (var r : g.throttleReasons()) {
                bits |= 1 << r.ordinal();
            }
            return bits;
        }

        /** Writes the OpenMetrics file, runs promtool on it, returns {bytes of the blocks, samples in them}. */
        long[] promtoolBlocks(Path dir) throws Exception {
            Path input = dir.resolve("series.om");
            try (var w = Files.newBufferedWriter(input)) {
                for (int m = 0; m < NAMES.length; m++) {
                    w.write("# TYPE " + NAMES[m] + " gauge\n");
                    for (int g = 0; g < labels.length; g++) {
                        for (int t = 0; t < frame; t++) {
                            double v = values[m][g][t];
                            w.write(NAMES[m] + labels[g] + " " + (Double.isNaN(v) ? "NaN" : Double.toString(v)) + " "
                                    + times[t] / 1000 + "." + String.format("%03d", times[t] % 1000) + "\n");
                        }
                    }
                }
                w.write("# EOF\n");
            }
            Path blocks = dir.resolve("blocks");
            Process p = new ProcessBuilder(dev.fleetdeck.support.ExternalBinary.require("promtool").toString(),
                    "tsdb", "create-blocks-from", "openmetrics", "--quiet", input.toString(), blocks.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("promtool failed: " + out);
            }
            long bytes = 0;
            long samples = 0;
            try (var walk = Files.walk(blocks)) {
                for (Path q : walk.filter(Files::isRegularFile).toList()) {
                    if (q.getFileName().toString().equals("meta.json")) {
                        var meta = tools.jackson.databind.json.JsonMapper.builder().build().readTree(q.toFile());
                        samples += meta.path("stats").path("numSamples").asLong();
                    } else {
                        bytes += Files.size(q);
                    }
                }
            }
            return new long[] {bytes, samples};
        }
    }
}
