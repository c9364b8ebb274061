package dev.fleetdeck.ui.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view worker computes only the latest request and hands only the latest result over, one drain at a time. */
class OffloadTest {
    @Test
    void requestsWhileTheWorkerIsBusyCollapseIntoTheLatest() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
        List<Integer> applied = new ArrayList<>();
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Offload offload = Offload.of(worker, fx::add)) {
            Offload.Channel<Integer> channel = offload.channel(applied::add);
            channel.request(() -> {
                busy.countDown();
                await(release);
                computed.incrementAndGet();
                return 0;
            });
            assertTrue(busy.await(5, TimeUnit.SECONDS));
            for (int i = 1; i <= 100; i++) {
                int n = i;
                channel.request(() -> {
                    computed.incrementAndGet();
                    return n;
                });
            }
            release.countDown();
            worker.shutdown();
            assertTrue(worker.awaitTermination(5, TimeUnit.SECONDS));
            assertEquals(2, computed.get(), "the running request, then only the newest of the 100 queued");
            assertEquals(1, fx.size(), "one pending hand-over to the FX thread");
            fx.take().run();
            assertEquals(List.of(100), applied, "only the latest result is applied");
        }
    }

    @Test
    void aFailingComputationIsLoggedAndTheChannelKeepsWorking() {
        List<String> applied = new ArrayList<>();
        try (Offload offload = Offload.of(Runnable::run, Runnable::run)) {
            Offload.Channel<String> channel = offload.channel(applied::add);
            channel.request(() -> {
                throw new IllegalStateException("boom");
            });
            channel.request(() -> "next");
        }
        assertEquals(List.of("next"), applied);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
