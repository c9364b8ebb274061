package dev.fleetdeck.faults;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.http.HttpAuth;
import dev.fleetdeck.provider.http.HttpSettings;
import dev.fleetdeck.service.CoalescingPublisher;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.polling.PolledProvider;
import dev.fleetdeck.service.polling.PollingService;
import dev.fleetdeck.support.FaultServer.Fault;
import dev.fleetdeck.support.FaultServer;
import dev.fleetdeck.support.FixedJitter;
import dev.fleetdeck.support.JsonInventoryProvider;
import dev.fleetdeck.support.LambdaProvider;
import dev.fleetdeck.support.ManualPollTimer;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.ui.render.HeadlessPlatform;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every network fault, against a real socket on 127.0.0.1, through the real HTTP layer and polling service, with
 * a manual clock so backoff is checked exactly and nothing sleeps. Alongside the faulty source a steady one must
 * keep updating, and the JavaFX thread (headless) must keep pulsing and receiving snapshots.
 */
class FaultInjectionTest {
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration CAP = Duration.ofMinutes(5);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(400);
    /** Generous: a 2-core CI machine under load once took more than 10 s to publish a due poll. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicLong PULSES = new AtomicLong();
    private static final AtomicLong FX_SEQUENCE = new AtomicLong();
    private static AnimationTimer pulseCounter;

    private ManualPollTimer timer;
    private FaultServer server;
    private PollingService service;
    private final AtomicInteger steadyPolls = new AtomicInteger();

    @BeforeAll
    static void startFx() throws Exception {
        HeadlessPlatform.start();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.runLater(() -> {
            pulseCounter = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    PULSES.incrementAndGet();
                }
            };
            pulseCounter.start();
            started.complete(null);
        });
        started.get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopPulses() {
        Platform.runLater(() -> pulseCounter.stop());
    }

    @BeforeEach
    void start() throws Exception {
        timer = new ManualPollTimer(T0);
        server = new FaultServer();
        service = serviceFor(server.uri(), new HttpSettings(Duration.ofSeconds(1), READ_TIMEOUT, 1 << 20, true, 2,
                new HttpAuth.None()));
        service.start();
        timer.advance(Duration.ZERO);
        await(s -> state(s, "faulty") == ProviderState.OK && state(s, "steady") == ProviderState.OK);
    }

    private PollingService serviceFor(URI uri, HttpSettings settings) {
        var faulty = new JsonInventoryProvider("faulty", uri, settings, timer.clock());
        var steady = new LambdaProvider("steady", () -> {
            steadyPolls.incrementAndGet();
            return new ProviderSnapshot("steady", timer.now(), List.of(TestFleet.node("s1", "steady", "lab-2",
                    "H200", NodeState.RENTED, 8, 40, 60, 300, 3.5)), List.of());
        });
        var svc = new PollingService(List.of(new PolledProvider(faulty, INTERVAL, Duration.ofSeconds(5), CAP),
                new PolledProvider(steady, INTERVAL, Duration.ofSeconds(5), CAP)),
                new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(2)), timer, FixedJitter.MAX);
        var toFx = new CoalescingPublisher<FleetSnapshot>(Platform::runLater, s -> FX_SEQUENCE.set(s.sequence()));
        svc.addListener(toFx::publish);
        return svc;
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        server.close();
    }

    // ---- the faults -------------------------------------------------------------------------------------------

    @Test
    void connectionRefused() throws Exception {
        service.close();
        timer = new ManualPollTimer(T0);
        service = serviceFor(URI.create("http://127.0.0.1:" + FaultServer.closedPort() + "/inventory"),
                HttpSettings.defaults());
        service.start();
        timer.advance(Duration.ZERO);
        ProviderStatus s = awaitPolled();
        assertEquals(ProviderState.DOWN, s.state(), "never answered");
        assertThat(s.lastError().orElseThrow()).startsWith("faulty: cannot connect to http://127.0.0.1:")
                .contains("connection refused");
        assertBackoff(ProviderState.DOWN, 1);
        fxKeepsUp();
    }

    @Test
    void acceptThenSilenceTimesOut() throws Exception {
        server.fault(Fault.SILENCE);
        ProviderStatus s = failOnce();
        assertThat(s.lastError().orElseThrow()).contains("did not answer within 400 ms (read timeout)");
        assertRecovers();
    }

    @Test
    void slowDripBelowTheTimeoutSucceeds() throws Exception {
        server.fault(Fault.SLOW_DRIP);
        Instant at = advanceToNextAttempt();
        ProviderStatus s = awaitPolledAfter(at);
        assertEquals(ProviderState.OK, s.state(), "12 pieces 40 ms apart: slow, never silent for 400 ms");
        assertEquals(at.plus(INTERVAL), s.nextAttempt().orElseThrow());
        assertEquals(2, s.nodes());
        fxKeepsUp();
    }

    @Test
    void http500() throws Exception {
        server.fault(Fault.HTTP_500);
        ProviderStatus s = failOnce();
        assertThat(s.lastError().orElseThrow()).startsWith("faulty: HTTP 500 Internal Server Error from http://127.0.0.1:")
                .contains("\"internal error: database is locked\"");
        assertBackoff(ProviderState.DOWN, 1);
        assertRecovers();
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() throws Exception {
        server.fault(Fault.RATE_LIMITED_429);
        server.retryAfterSeconds(37);
        Instant at = advanceToNextAttempt();
        ProviderStatus s = awaitPolledAfter(at);
        assertEquals(ProviderState.DEGRADED, s.state(), "rate limited, data still recent");
        assertEquals(at.plusSeconds(37), s.nextAttempt().orElseThrow(), "Retry-After: 37 beats the 10 s ceiling");
        assertThat(s.lastError().orElseThrow()).contains("HTTP 429 Too Many Requests")
                .contains("server asked to retry after 37 s");
        timer.advance(Duration.ofSeconds(36));
        assertEquals(0, requestsDuring(() -> { }), "nothing sent before Retry-After ran out");
        assertRecovers();
    }

    @Test
    void unauthorizedBacksOffToTheCapAtOnce() throws Exception {
        server.fault(Fault.UNAUTHORIZED_401);
        Instant at = advanceToNextAttempt();
        ProviderStatus s = awaitPolledAfter(at);
        assertEquals(ProviderState.AUTH_ERROR, s.state());
        assertEquals(at.plus(CAP), s.nextAttempt().orElseThrow(), "no hammering with bad credentials");
        assertThat(s.lastError().orElseThrow()).contains("HTTP 401 Unauthorized").contains("check the credentials");
        assertRecovers();
    }

    @Test
    void malformedBody() throws Exception {
        server.fault(Fault.MALFORMED_JSON);
        ProviderStatus s = failOnce();
        assertThat(s.lastError().orElseThrow()).contains("sent malformed JSON");
        assertRecovers();
    }

    @Test
    void truncatedBody() throws Exception {
        server.fault(Fault.TRUNCATED);
        ProviderStatus s = failOnce();
        assertThat(s.lastError().orElseThrow()).contains("cut the response off after");
        assertRecovers();
    }

    @Test
    void oversizedBodyIsCutAtTheCap() throws Exception {
        server.fault(Fault.OVERSIZED);
        server.oversizedBytes(50L << 20);
        long heapBefore = usedHeap();
        ProviderStatus s = failOnce();
        assertThat(s.lastError().orElseThrow()).contains("sent a response larger than 1 MiB (max-response-size)");
        assertThat(usedHeap() - heapBefore).as("50 MiB offered, at most the 1 MiB cap kept").isLessThan(16L << 20);
        assertRecovers();
    }

    @Test
    void htmlErrorPage() throws Exception {
        server.fault(Fault.HTML_ERROR_PAGE);
        ProviderStatus s = failOnce();
        assertThat(s.lastError().orElseThrow()).contains("HTTP 502 Bad Gateway")
                .contains("an HTML page titled \"502 Bad Gateway\"").doesNotContain("<");
        assertRecovers();
    }

    @Test
    void schemaChange() throws Exception {
        server.fault(Fault.SCHEMA_CHANGED);
        ProviderStatus s = failOnce();
        assertThat(s.lastError().orElseThrow()).contains("without a 'nodes' list (fields: data)");
        assertRecovers();
    }

    @Test
    void dataOfAFailingProviderStaysMarkedStaleThenUnreachable() throws Exception {
        server.fault(Fault.HTTP_500);
        for (int i = 0; i < 4; i++) {
            awaitPolledAfter(advanceToNextAttempt());
        }
        FleetSnapshot snap = service.latest();
        assertEquals(ProviderState.DOWN, state(snap, "faulty"));
        var faultyNodes = snap.nodes().stream().filter(n -> n.provider().equals("faulty")).toList();
        assertEquals(2, faultyNodes.size(), "never silently dropped");
        assertThat(faultyNodes).allSatisfy(n -> {
            assertEquals(Health.UNKNOWN, n.health());
            assertThat(n.healthReasons()).anySatisfy(r -> assertEquals("data-stale", r.code()));
        });
        advanceInSteps(Duration.ofMinutes(3));
        snap = await(x -> x.nodes().stream().filter(n -> n.provider().equals("faulty"))
                .allMatch(n -> n.state() == NodeState.UNREACHABLE));
        assertThat(snap.nodes().stream().filter(n -> n.provider().equals("steady")))
                .allSatisfy(n -> assertEquals(NodeState.RENTED, n.state()));
    }

    @Test
    void aThousandFailingCyclesLeakNoThreadsOrHeap() throws Exception {
        server.fault(Fault.HTTP_500);
        for (int i = 0; i < 50; i++) {
            awaitPolledAfter(jumpToNextAttempt());
        }
        int threadsBefore = liveThreads();
        long heapBefore = usedHeap();
        int timersBefore = timer.pending();
        for (int i = 0; i < 1000; i++) {
            awaitPolledAfter(jumpToNextAttempt());
        }
        int threadsAfter = liveThreads();
        long heapAfter = usedHeap();
        System.out.printf("1,000 failing cycles: threads %d -> %d, used heap %.1f -> %.1f MiB, timer tasks %d -> %d%n",
                threadsBefore, threadsAfter, heapBefore / 1048576.0, heapAfter / 1048576.0, timersBefore,
                timer.pending());
        assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore + 2);
        assertThat(heapAfter - heapBefore).isLessThan(32L << 20);
        assertThat(timer.pending()).as("per provider at most a next poll and a timeout, plus the state check")
                .isLessThanOrEqualTo(2 * 2 + 1);
        assertRecovers();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** One failing poll from a healthy start; checks what every failure must show. */
    private ProviderStatus failOnce() throws Exception {
        int steadyBefore = steadyPolls.get();
        Instant at = advanceToNextAttempt();
        ProviderStatus s = awaitPolledAfter(at);
        assertEquals(ProviderState.DEGRADED, s.state(), "one failure with recent data");
        assertEquals(1, s.consecutiveFailures());
        assertEquals(at.plus(INTERVAL), s.nextAttempt().orElseThrow(), "first backoff step: the interval");
        assertThat(s.lastError().orElseThrow()).startsWith("faulty: ").doesNotContain("\n");
        assertThat(steadyPolls.get()).as("the steady source kept being polled").isGreaterThan(steadyBefore);
        assertEquals(ProviderState.OK, state(service.latest(), "steady"));
        fxKeepsUp();
        return s;
    }

    /** Fails {@code more} more times and checks the pause doubles each time (max jitter = the ceiling). */
    private void assertBackoff(ProviderState expected, int failuresSoFar) throws Exception {
        ProviderStatus s = status(service.latest(), "faulty");
        for (int n = failuresSoFar + 1; n <= failuresSoFar + 3; n++) {
            Instant at = advanceToNextAttempt();
            s = awaitPolledAfter(at);
            Duration ceiling = INTERVAL.multipliedBy(1L << (n - 1));
            assertEquals(at.plus(ceiling.compareTo(CAP) > 0 ? CAP : ceiling), s.nextAttempt().orElseThrow(),
                    "pause after failure " + n);
        }
        assertEquals(expected, s.state());
    }

    /** The server is fixed: the next poll succeeds, the status is OK and the backoff is reset. */
    private void assertRecovers() throws Exception {
        server.fault(Fault.OK);
        Instant at = advanceToNextAttempt();
        ProviderStatus s = awaitPolledAfter(at);
        assertEquals(ProviderState.OK, s.state(), () -> "not recovered: " + s);
        assertEquals(0, s.consecutiveFailures());
        assertEquals(at.plus(INTERVAL), s.nextAttempt().orElseThrow(), "backoff reset");
        assertThat(s.lastError()).isEmpty();
        fxKeepsUp();
    }

    /** The FX thread keeps pulsing, answers promptly and has been handed the latest snapshot. */
    private void fxKeepsUp() throws Exception {
        long pulses = PULSES.get();
        CompletableFuture<Void> roundTrip = new CompletableFuture<>();
        Platform.runLater(() -> roundTrip.complete(null));
        roundTrip.get(5, TimeUnit.SECONDS);
        long target = service.latest().sequence();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while ((FX_SEQUENCE.get() < target || PULSES.get() <= pulses) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.sleep(5);
        }
        assertThat(FX_SEQUENCE.get()).as("FX thread got the latest snapshot").isGreaterThanOrEqualTo(target);
        assertThat(PULSES.get()).as("pulses keep coming").isGreaterThan(pulses);
    }

    /** Moves time a second at a time, letting each poll that falls due finish before going on. */
    private void advanceInSteps(Duration total) throws Exception {
        for (long i = 0; i < total.toSeconds(); i++) {
            timer.advance(Duration.ofSeconds(1));
            Instant now = timer.now();
            try {
                await(s -> s.providers().stream().allMatch(p -> p.nextAttempt().map(t -> t.isAfter(now)).orElse(false)));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("at " + now + ": " + service.latest().providers(), e);
            }
        }
    }

    private int requestsDuring(Runnable r) {
        int before = server.requests();
        r.run();
        return server.requests() - before;
    }

    /**
     * Moves time to the faulty provider's next attempt, stopping at every steady poll on the way and letting it
     * finish, as real time would.
     */
    private Instant advanceToNextAttempt() throws Exception {
        Instant target = status(service.latest(), "faulty").nextAttempt().orElseThrow();
        while (true) {
            Instant steadyNext = status(service.latest(), "steady").nextAttempt().orElseThrow();
            if (!steadyNext.isBefore(target)) {
                break;
            }
            timer.advanceTo(steadyNext);
            await(s -> status(s, "steady").nextAttempt().map(t -> t.isAfter(steadyNext)).orElse(false));
        }
        timer.advanceTo(target);
        return target;
    }

    /** Jumps straight to the faulty provider's next attempt (for long runs where the steady source does not matter). */
    private Instant jumpToNextAttempt() {
        Instant next = status(service.latest(), "faulty").nextAttempt().orElseThrow();
        timer.advanceTo(next);
        return next;
    }

    private ProviderStatus awaitPolled() throws Exception {
        return awaitPolledAfter(timer.now());
    }

    /** Waits until the faulty provider's poll started at {@code at} has been recorded and published. */
    private ProviderStatus awaitPolledAfter(Instant at) throws Exception {
        return status(await(s -> status(s, "faulty").nextAttempt().map(t -> t.isAfter(at)).orElse(false)), "faulty");
    }

    private FleetSnapshot await(Predicate<FleetSnapshot> condition) throws Exception {
        return service.await(condition, WAIT);
    }

    private static ProviderStatus status(FleetSnapshot s, String name) {
        return s.providers().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static ProviderState state(FleetSnapshot s, String name) {
        return status(s, name).state();
    }

    private static int liveThreads() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
