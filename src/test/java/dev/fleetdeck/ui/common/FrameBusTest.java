package dev.fleetdeck.ui.common;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.support.TestFleet;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A burst of frames reaches the real FX thread as a handful of updates, and the last one wins. */
class FrameBusTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aBurstOfAThousandSnapshotsYieldsAFewFxUpdatesAndTheLastWins() throws Exception {
        FleetAssembler assembler = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5));
        List<FleetSnapshot> burst = new java.util.ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            burst.add(assembler.assemble(i, TestFleet.NOW, TestFleet.reference()));
        }
        List<Long> seen = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        FrameBus bus = new FrameBus(frame -> {
            onFxThread.add(Platform.isFxApplicationThread());
            seen.add(frame.snapshot().sequence());
        });
        // Keep the FX thread busy while the burst arrives, as a real frame would.
        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread producer = Thread.ofPlatform().start(() -> burst.forEach(s -> bus.accept(FleetFrame.of(s))));
        producer.join();
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((seen.isEmpty() || seen.getLast() != 1000L) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1000L, seen.getLast(), "the last snapshot is shown");
        assertTrue(seen.size() <= 5, "coalesced to a handful of FX updates, got " + seen.size());
        assertEquals(seen.size(), bus.delivered());
        assertTrue(onFxThread.stream().allMatch(b -> b), "delivered on the FX thread");
    }
}
