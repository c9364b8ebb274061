package dev.fleetdeck.bench;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.RecordingSettings;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.recording.Recorder;
import dev.fleetdeck.service.recording.Recording;
import dev.fleetdeck.ui.common.FxThread;
import dev.fleetdeck.ui.render.HeadlessPlatform;
import dev.fleetdeck.ui.render.ViewRenderer;
import dev.fleetdeck.model.ShowroomSettings;
import dev.fleetdeck.ui.theme.Theme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Scrubbing and replay start on a recording, printed (no budget is asserted): each scrub step is what the timeline
 * does when the cursor is dragged — the time machine rebuilds the frame at a random moment (with its fleet series; the
 * GPUs' last minutes come once the cursor rests) and the overview at 1920×1080 shows it and lays out; the cost of
 * the full frame at rest is printed too. Steps per second = 1000 / the step's
 * median ms. Replay start = opening the recording and building its first frame.
 *
 * <p>Usage: {@code ScrubBenchmark [GPUS [FRAMES [STEPS]]]} (defaults 10,000 GPUs, 360 frames = 1 h at 10 s, 100 steps).
 */
public final class ScrubBenchmark {
    private ScrubBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int gpus = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 360;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path dir = Files.createTempDirectory("fleetdeck-scrub-bench");
        RecordingSettings settings = RecordingSettings.in(dir).withResolution(Duration.ofSeconds(10));
        long t0 = System.nanoTime();
        try (Recorder recorder = Recorder.start(settings, Clock.fixed(BenchFleet.START, ZoneOffset.UTC))) {
            RecorderBenchmark.frames(gpus, frames, f -> {
                long before = recorder.status().framesWritten();
                recorder.accept(f);
                while (recorder.status().framesWritten() == before) {
                    Thread.onSpinWait();
                }
            });
        }
        long bytes;
        try (var files = Files.list(dir)) {
            bytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        System.out.printf("recorded %,d frames of %,d GPUs in %,d ms (%s); sealed in %s-ms buckets: %.2f bytes per"
                + " GPU-metric sample%n", frames, gpus, (System.nanoTime() - t0) / 1_000_000, dir,
                System.getProperty("fleetdeck.recording.sealBucketMs", "600000"),
                bytes / ((double) frames * gpus * RecorderBenchmark.METRICS));

        long o0 = System.nanoTime();
        Recording rec = Recording.open(dir, AlertSettings.defaults());
        FleetFrame first = rec.frameAt(rec.span().first());
        long startMs = (System.nanoTime() - o0) / 1_000_000;
        System.out.printf("replay start (open the recording, build its first frame): %,d ms%n", startMs);

        HeadlessPlatform.start();
        ViewRenderer overview = FxThread.call(() -> new ViewRenderer("overview", "scrub bench", 1920, 1080,
                ShowroomSettings.defaults(), 1, null, Theme.DARK), Duration.ofSeconds(60));
        FxThread.call(() -> {
            overview.show(first);
            return overview.lint();
        }, Duration.ofSeconds(60));
        List<Instant> moments = rec.moments();
        Random random = new Random(7);
        double[] seekMs = new double[steps];
        double[] showMs = new double[steps];
        for (int i = 0; i < steps; i++) {
            Instant at = moments.get(random.nextInt(moments.size()));
            long s0 = System.nanoTime();
            FleetFrame frame = rec.frameAt(at, false); // as while the cursor moves (see TimeTravel)
            long s1 = System.nanoTime();
            FxThread.call(() -> {
                overview.show(frame);
                return overview.lint().size(); // CSS and layout of the frame, as the next pulse would do
            }, Duration.ofSeconds(60));
            seekMs[i] = (s1 - s0) / 1e6;
            showMs[i] = (System.nanoTime() - s1) / 1e6;
        }
        double[] restMs = new double[Math.min(steps, 20)];
        for (int i = 0; i < restMs.length; i++) {
            long r0 = System.nanoTime();
            rec.frameAt(moments.get(random.nextInt(moments.size())), true);
            restMs[i] = (System.nanoTime() - r0) / 1e6;
        }
        System.out.printf("full frame when the cursor rests (with the GPUs' last 15 min): %.1f ms median, %.1f ms"
                + " max%n", median(restMs), Arrays.stream(restMs).max().orElse(0));
        double[] total = new double[steps];
        for (int i = 0; i < steps; i++) {
            total[i] = seekMs[i] + showMs[i];
        }
        System.out.printf("scrub step at %,d GPUs: seek %.1f ms median (p99 %.1f), overview %.1f ms median;"
                        + " %.1f steps/s (median step %.1f ms, p99 %.1f ms)%n", gpus, median(seekMs), p99(seekMs),
                median(showMs), 1000 / median(total), median(total), p99(total));
        rec.close();
        FxThread.call(() -> {
            overview.close();
            return null;
        }, Duration.ofSeconds(10));
        System.exit(0);
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static double p99(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[Math.min(c.length - 1, (int) Math.ceil(c.length * 0.99) - 1)];
    }
}
