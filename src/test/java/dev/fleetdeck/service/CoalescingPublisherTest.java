package dev.fleetdeck.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoalescingPublisherTest {

    @Test
    void aBurstQueuesAtMostOneTaskAndTheLastValueWins() throws Exception {
        // A manual executor: tasks queue until we run them, like a busy FX thread.
        LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        CoalescingPublisher<Integer> publisher = new CoalescingPublisher<>(queue::add, delivered::add);
        for (int i = 1; i <= 1000; i++) {
            publisher.publish(i);
        }
        assertEquals(1, queue.size(), "one pending task, however many publishes");
        queue.take().run();
        assertEquals(List.of(1000), delivered);
        assertEquals(0, queue.size());
    }

    @Test
    void concurrentPublishersNeverLoseTheLastValue() throws Exception {
        ExecutorService target = Executors.newSingleThreadExecutor();
        AtomicInteger runs = new AtomicInteger();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CoalescingPublisher<Integer> publisher = new CoalescingPublisher<>(target, v -> {
            runs.incrementAndGet();
            seen.add(v);
        });
        int threads = 4;
        int perThread = 25_000;
        CountDownLatch done = new CountDownLatch(threads);
        try (ExecutorService producers = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                producers.execute(() -> {
                    for (int i = 1; i <= perThread; i++) {
                        publisher.publish(base + i);
                    }
                    done.countDown();
                });
            }
            assertTrue(done.await(30, TimeUnit.SECONDS));
        }
        publisher.publish(-1); // a final value after every producer finished
        target.shutdown();
        assertTrue(target.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(-1, seen.getLast(), "the last value published is the last delivered");
        assertTrue(runs.get() < threads * perThread, "coalesced: " + runs.get() + " runs for 100,001 publishes");
    }
}
