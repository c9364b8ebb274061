package dev.fleetdeck.bench;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.sim.SimSettings;
import dev.fleetdeck.provider.sim.SimulatedProvider;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.assembly.ProviderView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Simulated fleets of a given size for the benchmarks: a few consecutive provider answers, 2 s apart. */
final class BenchFleet {
    static final Instant START = Instant.parse("2026-11-29T00:00:00Z");
    static final Duration STEP = Duration.ofSeconds(2);

    private BenchFleet() {
    }

    /** {@code frames} answers of a simulated provider with {@code gpus} GPUs (8 per node). */
    static List<ProviderSnapshot> frames(int gpus, int frames) throws InterruptedException {
        SettableClock clock = new SettableClock(START);
        SimSettings d = SimSettings.defaults();
        SimSettings settings = new SimSettings(42, gpus / 8, 8, d.regions(), d.models(), 64, 1.0, "bench",
                Optional.of(START), 1.0);
        SimulatedProvider provider = new SimulatedProvider("bench", settings, clock);
        List<ProviderSnapshot> out = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            clock.now = START.plus(STEP.multipliedBy(i));
            out.add(provider.poll());
        }
        return out;
    }

    /** One poll cycle's assembly of an answer at {@code now}. */
    static FleetSnapshot assemble(FleetAssembler assembler, long seq, Instant now, ProviderSnapshot frame) {
        ProviderStatus status = new ProviderStatus("bench", "simulated", ProviderState.OK, Optional.of(now),
                Optional.empty(), 0, frame.nodes().size(), Duration.ofMillis(5), Optional.of(now.plus(STEP)),
                List.of());
        return assembler.assemble(seq, now, List.of(new ProviderView(status, Optional.of(frame))));
    }

    static final class SettableClock extends dev.fleetdeck.support.SettableClock {
        SettableClock(Instant now) {
            super(now);
        }
    }

    /**
     * A scene whose content is laid out at {@code width} × {@code height} whatever the (small) window: the headless
     * screen is 1000 × 1000, and a larger window could not be presented there. FX thread.
     */
    static javafx.scene.Scene sceneAt(javafx.scene.layout.Region content, double width, double height) {
        javafx.scene.layout.Pane holder = new javafx.scene.layout.Pane() {
            @Override
            protected void layoutChildren() {
                content.resizeRelocate(0, 0, width, height);
            }
        };
        holder.getChildren().add(content);
        javafx.scene.Scene scene = new javafx.scene.Scene(holder, 320, 320, dev.fleetdeck.ui.theme.Palette.BACKGROUND);
        scene.getStylesheets().add(dev.fleetdeck.ui.theme.Stylesheets.dark());
        return scene;
    }

    /** Scene-graph nodes under {@code n}, itself included. */
    static int countNodes(javafx.scene.Node n) {
        int c = 1;
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                c += countNodes(child);
            }
        }
        return c;
    }

    /** The heap in use after a few full collections, bytes. */
    static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The built-in fleet's shape (500 nodes × 8 GPUs, default regions and models) from {@code seed}, on {@code clock}. */
    static dev.fleetdeck.provider.sim.SimulatedProvider builtInFleet(long seed, SettableClock clock) {
        dev.fleetdeck.provider.sim.SimSettings d = dev.fleetdeck.provider.sim.SimSettings.defaults();
        return new dev.fleetdeck.provider.sim.SimulatedProvider("soak", new dev.fleetdeck.provider.sim.SimSettings(seed,
                500, 8, d.regions(), d.models(), 16, 1.0, "gpu", Optional.of(START), 1.0), clock);
    }
}
