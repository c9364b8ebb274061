package dev.fleetdeck.bench;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.provider.sim.SimulatedProvider;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.support.TestFrames;
import dev.fleetdeck.ui.app.MainView;
import dev.fleetdeck.ui.common.AlertActions;
import dev.fleetdeck.ui.common.FxThread;
import dev.fleetdeck.ui.common.Navigator;
import dev.fleetdeck.ui.common.Offload;
import dev.fleetdeck.ui.common.ViewContext;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.render.HeadlessPlatform;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Soak of the desktop window: the built-in fleet's size (4,000 GPUs) advanced 2 s per snapshot for 20 minutes of
 * warm-up (the per-GPU history's 15-minute tier fills, every view has been built) and then one hour of fleet time
 * (2,400 snapshots in all) through history, events, idle tracking and the alert rules into the whole window at
 * 1920×1080, with the view switching every 20 snapshots through every view of the window (the node detail on the
 * least healthy node, the fleet table sorted and filtered in turn) and the view worker on its own thread, on
 * JavaFX's headless platform. Prints the live heap after GC every ten minutes of fleet time and the scene-graph
 * nodes; over the hour after warm-up, the change from its first sample to its last and the spread of all its samples
 * (budget: within 5 %). Run with
 * {@code mvn -B -Pbench verify -DskipTests}, or alone: {@code java … dev.fleetdeck.bench.DesktopSoak [minutes]}.
 */
public final class DesktopSoak {
    private static final int STEP_SECONDS = 2;
    private static final int SWITCH_EVERY = 20;
    private static final long WARMUP_SECONDS = 20 * 60;

    private DesktopSoak() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 80;
        HeadlessPlatform.start();
        BenchFleet.SettableClock clock = new BenchFleet.SettableClock(BenchFleet.START);
        SimulatedProvider sim = BenchFleet.builtInFleet(7, clock);
        FleetAssembler assembler = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5));
        TestFrames engines = new TestFrames();
        Offload offload = Offload.background();
        MainView view = FxThread.call(() -> window(clock, offload), Duration.ofSeconds(30));
        List<ViewId> views = ViewId.windowViews();
        int total = minutes * 60 / STEP_SECONDS;
        List<String> samples = new ArrayList<>();
        long first = -1;
        long last = 0;
        long low = Long.MAX_VALUE;
        long high = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < total; i++) {
            clock.now = BenchFleet.START.plusSeconds((long) STEP_SECONDS * i);
            FleetSnapshot snap = BenchFleet.assemble(assembler, i + 1, clock.now, sim.poll());
            FleetFrame frame = engines.next(snap);
            int step = i;
            FxThread.call(() -> {
                if (step % SWITCH_EVERY == 0) {
                    ViewId next = views.get((step / SWITCH_EVERY) % views.size());
                    if (next == ViewId.DETAIL) {
                        view.openNode(dev.fleetdeck.ui.fleet.FleetRow.nodeKey(snap.nodes().get(step % 500)
                                .provider(), snap.nodes().get(step % 500).hostname()), -1);
                    } else {
                        view.show(next);
                    }
                    if (next == ViewId.FLEET) {
                        view.fleet().sortBy(dev.fleetdeck.ui.fleet.FleetColumn.values()[(step / SWITCH_EVERY)
                                % dev.fleetdeck.ui.fleet.FleetColumn.values().length], step % 40 == 0);
                    }
                }
                view.show(frame);
                return null;
            }, Duration.ofSeconds(60));
            long fleetSeconds = (long) STEP_SECONDS * (i + 1);
            if (fleetSeconds % 600 == 0) {
                long heap = BenchFleet.liveHeap();
                int nodes = FxThread.call(() -> BenchFleet.countNodes(view.node()), Duration.ofSeconds(30));
                if (fleetSeconds >= WARMUP_SECONDS) {
                    if (first < 0) {
                        first = heap;
                    }
                    last = heap;
                    low = Math.min(low, heap);
                    high = Math.max(high, heap);
                }
                samples.add(String.format("%3d min: %6.1f MiB, %,d nodes%s", fleetSeconds / 60, heap / 1048576.0,
                        nodes, fleetSeconds < WARMUP_SECONDS ? " (warm-up)" : ""));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("desktop soak: %,d snapshots of 4,000 GPUs = %d min of fleet time in %.0f s, a view switch"
                + " every %d snapshots%n", total, minutes, seconds, SWITCH_EVERY);
        System.out.println("  live heap after GC (history, events, alerts and every view built), scene-graph nodes:");
        samples.forEach(s -> System.out.println("    " + s));
        if (first > 0) {
            System.out.printf("  after warm-up: %+.1f %% from the first sample to the last, spread %.1f %% of the first"
                    + " (budget: within 5 %%)%n", 100.0 * (last - first) / first, 100.0 * (high - low) / first);
        }
        offload.close();
        Platform.exit();
        System.exit(0);
    }

    private static MainView window(BenchFleet.SettableClock clock, Offload offload) {
        MainView v = new MainView(new ViewContext("soak", clock, ZoneOffset.UTC, offload, Navigator.NONE,
                AlertActions.NONE));
        Scene scene = BenchFleet.sceneAt(v.node(), 1920, 1080);
        v.installShortcuts(scene);
        Stage s = new Stage(StageStyle.UNDECORATED);
        s.setScene(scene);
        s.show();
        return v;
    }
}
