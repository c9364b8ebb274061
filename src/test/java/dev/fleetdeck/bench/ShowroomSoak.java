package dev.fleetdeck.bench;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.ShowroomSettings;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.sim.SimulatedProvider;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.history.History;
import dev.fleetdeck.ui.common.FxThread;
import dev.fleetdeck.ui.render.HeadlessPlatform;
import dev.fleetdeck.ui.showroom.ShowroomView;
import dev.fleetdeck.ui.theme.Stylesheets;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import java.time.Duration;
import java.time.Instant;

/**
 * Soak of the showroom: a simulated 4,000-GPU fleet advanced 10 s per snapshot for 12 hours of accelerated time
 * (4,320 snapshots into history and the view), pages rotating every 5 snapshots, on JavaFX's headless platform.
 * Prints the live heap and the number of scene-graph nodes after warm-up and at the end: both must stay flat.
 * Run with {@code mvn -B -Pbench verify -DskipTests}.
 */
public final class ShowroomSoak {
    private ShowroomSoak() {
    }

    public static void main(String[] args) throws Exception {
        HeadlessPlatform.start();
        BenchFleet.SettableClock clock = new BenchFleet.SettableClock(BenchFleet.START);
        SimulatedProvider sim = BenchFleet.builtInFleet(42, clock);
        FleetAssembler assembler = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5));
        History history = new History();
        ShowroomView view = FxThread.call(() -> {
            ShowroomView v = new ShowroomView(ShowroomSettings.defaults(), clock, () -> { });
            Stage stage = new Stage(StageStyle.UNDECORATED);
            Scene scene = new Scene(v.node(), 640, 360);
            scene.getStylesheets().add(Stylesheets.dark());
            stage.setScene(scene);
            stage.show();
            return v;
        }, Duration.ofSeconds(30));
        int total = 12 * 360;
        int warmup = 500;
        long heapWarm = 0;
        int nodesWarm = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < total; i++) {
            clock.now = BenchFleet.START.plusSeconds(10L * i);
            ProviderSnapshot frame = sim.poll();
            FleetSnapshot snap = BenchFleet.assemble(assembler, i, clock.now, frame);
            history.accept(snap);
            int step = i;
            FxThread.call(() -> {
                view.show(FleetFrame.of(snap).withHistory(history));
                if (step % 5 == 0) {
                    view.show(view.currentPage() + 1);
                }
                return null;
            }, Duration.ofSeconds(30));
            if (i == warmup) {
                heapWarm = BenchFleet.liveHeap();
                nodesWarm = FxThread.call(() -> allPages(view), Duration.ofSeconds(30));
            }
        }
        long heapEnd = BenchFleet.liveHeap();
        int nodesEnd = FxThread.call(() -> allPages(view), Duration.ofSeconds(30));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Instant simEnd = clock.now;
        System.out.printf("showroom soak: %,d snapshots = %s of fleet time in %.0f s, %,d page rotations%n", total,
                Duration.between(BenchFleet.START, simEnd), seconds, total / 5);
        System.out.printf("  live heap after warm-up %.1f MiB, at the end %.1f MiB (history included)%n",
                heapWarm / 1048576.0, heapEnd / 1048576.0);
        System.out.printf("  scene-graph nodes over all pages after warm-up %d, at the end %d%n", nodesWarm, nodesEnd);
        FxThread.call(() -> {
            view.dispose();
            return null;
        }, Duration.ofSeconds(10));
        javafx.application.Platform.exit();
        System.exit(0);
    }

    /** Scene-graph nodes of every page (each page shown in turn, then back to where it was). */
    private static int allPages(ShowroomView view) {
        int was = view.currentPage();
        int sum = 0;
        for (int p = 0; p < view.pageCount(); p++) {
            view.show(p);
            view.node().applyCss();
            view.node().layout();
            sum += BenchFleet.countNodes(view.node());
        }
        view.show(was);
        return sum;
    }
}
