package dev.fleetdeck.bench;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.history.History;
import dev.fleetdeck.ui.app.MainView;
import dev.fleetdeck.ui.common.AlertActions;
import dev.fleetdeck.ui.common.FxThread;
import dev.fleetdeck.ui.common.Navigator;
import dev.fleetdeck.ui.common.Offload;
import dev.fleetdeck.ui.common.ViewContext;
import dev.fleetdeck.ui.fleet.FleetRow;
import dev.fleetdeck.ui.render.HeadlessPlatform;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * FX-thread cost of a snapshot update, per view, at 1k, 10k and 100k GPUs, on JavaFX's headless platform with the
 * software renderer and a 1920×1080 window content. Per snapshot it adds up everything the FX thread does for it:
 * {@code MainView.update} (tiles, status strip), the worker's result being applied (table rows swapped, heatmap
 * pixels copied), and the next pulse's CSS and layout pass (from a pre-layout to a post-layout pulse listener).
 * It prints the median, p99 and maximum of that sum over 200 snapshots (after 40 of warm-up, and after one unprinted
 * round of the first size for the JIT), the longest single pulse, the medians of the update and the pulse, and the
 * worker's mean time off the FX thread. Figures, not assertions: run with {@code mvn -B -Pbench verify -DskipTests}.
 */
public final class FleetViewsBenchmark {
    private static final int WARMUP = 40;
    private static final int MEASURED = 200;
    private static final List<String> VIEWS = List.of(System.getProperty("bench.views", "overview,fleet,heatmap,detail")
            .split(","));

    private FleetViewsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        HeadlessPlatform.start();
        int[] sizes = args.length == 0 ? new int[]{1_000, 10_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("FX-thread ms per snapshot update at 1920x1080 (update + applied worker result + next"
                + " pulse's CSS/layout); worker ms off the FX thread");
        System.out.printf("%8s %-9s %8s %8s %8s %12s %10s %10s %10s%n", "GPUs", "view", "median", "p99", "max",
                "max pulse", "worker", "upd med", "pulse med");
        int status = 0;
        try {
            // One unprinted round first, so the JIT has compiled the table, chart and CSS code for every size.
            run(sizes[0], false);
            for (int gpus : sizes) {
                run(gpus, true);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            Platform.exit();
        }
        System.exit(status);
    }

    private static void run(int gpus, boolean print) throws Exception {
        List<ProviderSnapshot> frames = BenchFleet.frames(gpus, Integer.getInteger("bench.frames", 8));
        FleetAssembler assembler = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5));
        History history = new History();
        // Snapshots are assembled as they are needed (240 snapshots of 100k GPUs would take 5 GB at once).
        java.util.function.IntFunction<FleetSnapshot> snapshot = i -> BenchFleet.assemble(assembler, i + 1,
                BenchFleet.START.plus(BenchFleet.STEP.multipliedBy(i)), frames.get(i % frames.size()));
        FleetSnapshot first = snapshot.apply(0);
        for (int i = 0; i < 30; i++) {
            history.accept(snapshot.apply(i));
        }
        Timing timing = new Timing();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-views"));
        Offload offload = Offload.of(r -> worker.execute(() -> {
            long t0 = System.nanoTime();
            r.run();
            timing.worker += System.nanoTime() - t0;
        }), r -> Platform.runLater(() -> {
            long t0 = System.nanoTime();
            r.run();
            timing.fx += System.nanoTime() - t0;
            timing.applied.release();
        }));
        MainView[] main = new MainView[1];
        Stage stage = FxThread.call(() -> {
            main[0] = new MainView(new ViewContext("bench", Clock.fixed(BenchFleet.START, ZoneOffset.UTC),
                    ZoneOffset.UTC, offload, Navigator.NONE, AlertActions.NONE));
            Scene scene = BenchFleet.sceneAt(main[0].node(), 1920, 1080);
            scene.addPreLayoutPulseListener(() -> timing.pulseStart = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                timing.lastPulse = System.nanoTime() - timing.pulseStart;
                timing.pulses.release();
            });
            Stage s = new Stage(StageStyle.UNDECORATED);
            s.setScene(scene);
            s.show();
            return s;
        }, Duration.ofSeconds(30));
        FxThread.call(() -> {
            main[0].openNode(FleetRow.nodeKey(first.nodes().getFirst().provider(),
                    first.nodes().getFirst().hostname()), -1);
            return null;
        }, Duration.ofSeconds(30));
        for (String view : VIEWS) {
            FxThread.call(() -> {
                main[0].show(view);
                return null;
            }, Duration.ofSeconds(30));
            boolean offloaded = view.equals("fleet") || view.equals("heatmap");
            double[] total = new double[MEASURED];
            double[] pulses = new double[MEASURED];
            double[] updates = new double[MEASURED];
            double maxPulse = 0;
            double workerMs = 0;
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                FleetSnapshot snap = snapshot.apply(i);
                timing.reset();
                long update = FxThread.call(() -> {
                    long t0 = System.nanoTime();
                    main[0].show(FleetFrame.of(snap).withHistory(history));
                    return System.nanoTime() - t0;
                }, Duration.ofSeconds(60));
                if (offloaded && !timing.applied.tryAcquire(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(view + ": the worker's result never reached the FX thread");
                }
                // The pulse after the update (or after the result was applied) lays the changes out.
                timing.pulses.drainPermits();
                Platform.runLater(Platform::requestNextPulse);
                if (!timing.pulses.tryAcquire(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no pulse within 10 s");
                }
                if (i >= WARMUP) {
                    double pulseMs = timing.lastPulse / 1e6;
                    total[i - WARMUP] = (update + timing.fx) / 1e6 + pulseMs;
                    pulses[i - WARMUP] = pulseMs;
                    updates[i - WARMUP] = (update + timing.fx) / 1e6;
                    maxPulse = Math.max(maxPulse, pulseMs);
                    workerMs += timing.worker / 1e6;
                }
            }
            Arrays.sort(total);
            Arrays.sort(pulses);
            Arrays.sort(updates);
            if (!print) {
                continue;
            }
            System.out.printf("%,8d %-9s %8.2f %8.2f %8.2f %12.2f %10s %10.2f %10.2f%n", gpus, view,
                    total[MEASURED / 2], total[(int) Math.ceil(MEASURED * 0.99) - 1], total[MEASURED - 1], maxPulse,
                    offloaded ? String.format("%.2f", workerMs / MEASURED) : "—", updates[MEASURED / 2],
                    pulses[MEASURED / 2]);
        }
        FxThread.call(() -> {
            stage.hide();
            return null;
        }, Duration.ofSeconds(30));
        worker.shutdownNow();
    }

    /** What one snapshot cost; written on the FX and worker threads, read after the semaphores hand over. */
    private static final class Timing {
        final Semaphore applied = new Semaphore(0);
        final Semaphore pulses = new Semaphore(0);
        volatile long fx;
        volatile long worker;
        volatile long pulseStart;
        volatile long lastPulse;

        void reset() {
            fx = 0;
            worker = 0;
            applied.drainPermits();
        }
    }
}
