package dev.fleetdeck.service.polling;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.support.LambdaProvider;
import dev.fleetdeck.support.TestFleet;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollingServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A provider that answers with one node, counting its polls. */
    private static final class Counting implements FleetProvider {
        final String name;
        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger concurrent = new AtomicInteger();
        volatile int maxConcurrent;
        volatile boolean closed;

        Counting(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String type() {
            return "test";
        }

        @Override
        public ProviderSnapshot poll() throws InterruptedException {
            int now = concurrent.incrementAndGet();
            maxConcurrent = Math.max(maxConcurrent, now);
            try {
                polls.incrementAndGet();
                Thread.sleep(5);
                return new ProviderSnapshot(name, Clock.systemUTC().instant(), List.of(
                        TestFleet.node(name + "-1", name, "r", "H100", NodeState.AVAILABLE, 8, 0, 40, 80, 2)), List.of());
            } finally {
                concurrent.decrementAndGet();
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static PollingService service(List<PolledProvider> providers) {
        return new PollingService(providers, new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)),
                Clock.systemUTC());
    }

    private static ProviderStatus status(FleetSnapshot snap, String name) {
        return snap.providers().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void pollsEveryProviderRepeatedlyAndPublishesSnapshots() throws Exception {
        Counting a = new Counting("a");
        Counting b = new Counting("b");
        AtomicInteger published = new AtomicInteger();
        try (PollingService svc = service(List.of(new PolledProvider(a, Duration.ofMillis(20), Duration.ofSeconds(2)),
                new PolledProvider(b, Duration.ofMillis(20), Duration.ofSeconds(2))))) {
            svc.addListener(s -> published.incrementAndGet());
            svc.start();
            FleetSnapshot snap = svc.await(s -> s.gpuCount() == 16 && a.polls.get() >= 5 && b.polls.get() >= 5, WAIT);
            assertEquals(ProviderState.OK, status(snap, "a").state());
            assertEquals(1, status(snap, "b").nodes());
            assertTrue(published.get() >= 2);
            assertEquals(1, a.maxConcurrent, "one provider is never polled twice at once");
        }
        assertTrue(a.closed && b.closed, "providers closed with the service");
    }

    @Test
    void aFailingProviderGoesDownWhileTheOtherKeepsUpdating() throws Exception {
        Counting good = new Counting("good");
        FleetProvider bad = new LambdaProvider("bad", () -> {
            throw new ProviderException(ProviderException.Kind.UNREACHABLE, "bad", "connection refused");
        });
        try (PollingService svc = service(List.of(new PolledProvider(good, Duration.ofMillis(20), Duration.ofSeconds(2)),
                new PolledProvider(bad, Duration.ofMillis(20), Duration.ofSeconds(2))))) {
            svc.start();
            FleetSnapshot snap = svc.await(s -> status(s, "bad").state() == ProviderState.DOWN
                    && status(s, "bad").consecutiveFailures() >= ProviderSlot.DOWN_AFTER_FAILURES, WAIT);
            ProviderStatus badStatus = status(snap, "bad");
            assertTrue(badStatus.lastError().orElseThrow().startsWith("bad: connection refused (next try in "),
                    badStatus.lastError().orElseThrow());
            assertTrue(badStatus.consecutiveFailures() >= ProviderSlot.DOWN_AFTER_FAILURES);
            int before = good.polls.get();
            svc.await(s -> good.polls.get() > before + 3, WAIT);
            assertEquals(ProviderState.OK, status(svc.latest(), "good").state());
        }
    }

    @Test
    void aHangingProviderTimesOutAndIsNeverPolledTwiceAtOnce() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        FleetProvider hanging = new LambdaProvider("slow", () -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return null;
        });
        Counting other = new Counting("other");
        try (PollingService svc = service(List.of(new PolledProvider(hanging, Duration.ofMillis(50), Duration.ofMillis(200)),
                new PolledProvider(other, Duration.ofMillis(20), Duration.ofSeconds(2))))) {
            svc.start();
            FleetSnapshot snap = svc.await(s -> status(s, "slow").lastError().isPresent(), WAIT);
            assertTrue(status(snap, "slow").lastError().orElseThrow().contains("timeout"));
            assertTrue(interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS), "the hung poll is interrupted");
            svc.await(s -> other.polls.get() > 5, WAIT);
        }
        assertTrue(calls.get() >= 1);
    }

    @Test
    void closeStopsEveryThreadItOwns() throws Exception {
        Counting a = new Counting("a");
        PollingService svc = service(List.of(new PolledProvider(a, Duration.ofMillis(10), Duration.ofSeconds(1))));
        svc.start();
        svc.await(s -> a.polls.get() > 2, WAIT);
        svc.close();
        int after = a.polls.get();
        Thread.sleep(100);
        assertEquals(after, a.polls.get(), "no poll after close");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && fleetdeckThreads() > 0) {
            Thread.sleep(20);
        }
        assertEquals(0, fleetdeckThreads(), "scheduler and assembler threads are gone");
    }

    private static long fleetdeckThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("fleetdeck-scheduler") || t.getName().startsWith("fleetdeck-assembler"))
                .filter(Thread::isAlive)
                .count();
    }

    @Test
    void reconfigureKeepsUnchangedSourcesStartsNewOnesAndStopsDroppedOnes() throws Exception {
        Counting kept = new Counting("kept");
        Counting dropped = new Counting("dropped");
        Counting changedBefore = new Counting("changed");
        Duration every = Duration.ofMillis(20);
        try (PollingService svc = service(List.of(
                new PolledProvider(kept, every, Duration.ofSeconds(2), Duration.ofSeconds(1), "kept#1"),
                new PolledProvider(dropped, every, Duration.ofSeconds(2), Duration.ofSeconds(1), "dropped#1"),
                new PolledProvider(changedBefore, every, Duration.ofSeconds(2), Duration.ofSeconds(1), "changed#1")))) {
            svc.start();
            svc.await(PollingService.everyProviderPolled(), WAIT);

            Counting keptDuplicate = new Counting("kept");
            Counting changedAfter = new Counting("changed");
            Counting added = new Counting("added");
            svc.reconfigure(List.of(
                    new PolledProvider(added, every, Duration.ofSeconds(2), Duration.ofSeconds(1), "added#1"),
                    new PolledProvider(keptDuplicate, every, Duration.ofSeconds(2), Duration.ofSeconds(1), "kept#1"),
                    new PolledProvider(changedAfter, every, Duration.ofSeconds(2), Duration.ofSeconds(1), "changed#2")),
                    Duration.ofMinutes(1));

            FleetSnapshot snap = svc.await(s -> s.providers().stream().map(ProviderStatus::name).toList()
                    .equals(List.of("added", "kept", "changed"))
                    && s.providers().stream().allMatch(p -> p.state() == ProviderState.OK), WAIT);
            assertEquals(List.of("added", "kept", "changed"), snap.providers().stream().map(ProviderStatus::name)
                    .toList(), "the new order");
            assertTrue(keptDuplicate.closed, "the unneeded new instance of an unchanged source is closed");
            assertEquals(0, keptDuplicate.polls.get());
            assertTrue(dropped.closed && changedBefore.closed, "dropped and replaced sources are closed");
            int droppedPolls = dropped.polls.get();
            int keptPolls = kept.polls.get();
            svc.await(s -> changedAfter.polls.get() > 3 && added.polls.get() > 3, WAIT);
            Thread.sleep(100);
            assertEquals(droppedPolls, dropped.polls.get(), "a dropped source is never polled again");
            assertTrue(kept.polls.get() > keptPolls, "the unchanged source kept polling");
            assertEquals(List.of(svc.providers().get(0), svc.providers().get(1), svc.providers().get(2)),
                    List.of(added, kept, changedAfter));
        }
    }
}
