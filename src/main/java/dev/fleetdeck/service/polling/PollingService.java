package dev.fleetdeck.service.polling;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.assembly.ProviderView;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Polls every provider on its own schedule, off the JavaFX thread, and publishes a new {@link FleetSnapshot} after
 * each poll (coalesced: a burst of results gives one assembly). A failing provider is retried with exponential
 * backoff and full jitter ({@link BackoffPolicy}); its last good data stays in the fleet, marked stale.
 *
 * <p>Threads, all owned and stopped by {@link #close()}:
 * <ul>
 *   <li>the {@link PollTimer} ({@code fleetdeck-scheduler}): starts polls, enforces timeouts, checks staleness once
 *       a second;</li>
 *   <li>{@code fleetdeck-poll-NAME}: one virtual thread per running poll; a provider is never polled twice at once;</li>
 *   <li>{@code fleetdeck-assembler}: one platform thread that assembles snapshots and calls the listeners.</li>
 * </ul>
 */
public final class PollingService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PollingService.class.getName());

    /** How often staleness is re-checked when no poll finishes. */
    static final Duration STATE_CHECK = Duration.ofSeconds(1);
    private static final int NOT_STARTED = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONED = 2;

    private volatile List<ProviderSlot> slots;
    private volatile FleetAssembler assembler;
    private final RandomGenerator jitter;
    private final PollTimer timer;
    private final ExecutorService pollers;
    private final ExecutorService assemblyThread;
    private final List<Consumer<FleetSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean assemblyPending = new AtomicBoolean();
    private final AtomicReference<FleetSnapshot> latest = new AtomicReference<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Object publishMonitor = new Object();
    private volatile boolean stopped;
    private volatile List<ProviderState> lastStates = List.of();
    private long startNanos;

    /**
     * A service on the system timer.
     *
     * @param providers the providers to poll, in display order
     * @param assembler merges their answers
     * @param clock     the real clock (data ages are measured with it)
     */
    public PollingService(List<PolledProvider> providers, FleetAssembler assembler, Clock clock) {
        this(providers, assembler, PollTimer.system(clock), new Random());
    }

    /**
     * @param providers the providers to poll, in display order
     * @param assembler merges their answers
     * @param timer     the time source and scheduler; the service closes it
     * @param jitter    randomness for backoff jitter; must be thread-safe
     */
    public PollingService(List<PolledProvider> providers, FleetAssembler assembler, PollTimer timer,
                          RandomGenerator jitter) {
        this.jitter = jitter;
        this.slots = providers.stream().map(this::slot).toList();
        this.assembler = Objects.requireNonNull(assembler, "assembler");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.pollers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fleetdeck-poll-", 0).factory());
        this.assemblyThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("fleetdeck-assembler")
                .daemon(true).factory());
    }

    /**
     * Adds a listener for new snapshots. It is called on the {@code fleetdeck-assembler} thread and must not block;
     * the UI hands snapshots on with a {@link CoalescingPublisher}.
     */
    public void addListener(Consumer<FleetSnapshot> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Starts polling every provider at once. Call once, from any thread. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("polling service already started");
        }
        startNanos = System.nanoTime();
        for (ProviderSlot slot : slots) {
            timer.schedule(() -> startPoll(slot), Duration.ZERO);
        }
        timer.schedule(this::checkStates, STATE_CHECK);
        requestAssembly();
    }

    private ProviderSlot slot(PolledProvider p) {
        return new ProviderSlot(p, new BackoffPolicy(p.interval(), p.backoffMax(), jitter));
    }

    /**
     * Switches to a reloaded configuration without a restart. A provider whose {@link PolledProvider#identity()} is
     * unchanged keeps running with its data and schedule (the new, unused instance is closed); a new or changed one
     * starts polling now; a dropped one stops and is closed. Callable from any thread.
     *
     * @param next             the providers now configured, in display order
     * @param unreachableAfter the new unreachable-after setting
     */
    public synchronized void reconfigure(List<PolledProvider> next, Duration unreachableAfter) {
        reconfigure(next, unreachableAfter, java.util.Map.of());
    }

    /**
     * As {@link #reconfigure(List, Duration)}, with the sources whose nodes join across providers
     * ({@link FleetAssembler#withJoins}).
     */
    public synchronized void reconfigure(List<PolledProvider> next, Duration unreachableAfter,
                                         java.util.Map<String, List<String>> joins) {
        List<ProviderSlot> before = slots;
        List<ProviderSlot> after = new ArrayList<>(next.size());
        java.util.Set<ProviderSlot> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<ProviderSlot> fresh = new ArrayList<>();
        for (PolledProvider p : next) {
            ProviderSlot same = before.stream()
                    .filter(s -> !kept.contains(s) && s.polled.identity().equals(p.identity()))
                    .findFirst().orElse(null);
            if (same != null) {
                kept.add(same);
                after.add(same);
                closeQuietly(p.provider());
            } else {
                ProviderSlot created = slot(p);
                fresh.add(created);
                after.add(created);
            }
        }
        assembler = assembler.withUnreachableAfter(unreachableAfter).withJoins(joins);
        slots = List.copyOf(after);
        for (ProviderSlot old : before) {
            if (!kept.contains(old)) {
                old.retired = true;
                old.unschedule();
                PollTimer.Cancellable watchdog = old.watchdog;
                if (watchdog != null) {
                    watchdog.cancel();
                }
                closeQuietly(old.polled.provider());
            }
        }
        LOG.log(System.Logger.Level.INFO, "configuration reloaded: {0} sources kept, {1} started, {2} stopped",
                kept.size(), fresh.size(), before.size() - kept.size());
        if (started.get() && !stopped) {
            fresh.forEach(s -> timer.schedule(() -> startPoll(s), Duration.ZERO));
        }
        requestAssembly();
    }

    private static void closeQuietly(FleetProvider provider) {
        try {
            provider.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing provider " + provider.name() + " failed", e);
        }
    }

    /** The providers, in display order. */
    public List<FleetProvider> providers() {
        return slots.stream().map(s -> s.polled.provider()).toList();
    }

    /** The latest snapshot, or null before the first assembly. Callable from any thread. */
    public FleetSnapshot latest() {
        return latest.get();
    }

    /**
     * Blocks the calling thread (never the JavaFX thread) until a snapshot satisfies {@code condition}.
     *
     * @throws TimeoutException when none does within {@code timeout}
     */
    public FleetSnapshot await(Predicate<FleetSnapshot> condition, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (publishMonitor) {
            while (true) {
                FleetSnapshot snap = latest.get();
                if (snap != null && condition.test(snap)) {
                    return snap;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("no fleet snapshot matched within " + timeout.toSeconds() + " s");
                }
                TimeUnit.NANOSECONDS.timedWait(publishMonitor, left);
            }
        }
    }

    /** A condition for {@link #await}: every provider has answered or failed at least once. */
    public static Predicate<FleetSnapshot> everyProviderPolled() {
        return snap -> snap.providers().stream().noneMatch(p -> p.state() == ProviderState.STARTING);
    }

    private void startPoll(ProviderSlot slot) {
        if (stopped || slot.retired) {
            return;
        }
        AtomicBoolean settled = new AtomicBoolean();
        // NOT_STARTED -> RUNNING when the poll thread starts, or NOT_STARTED -> ABANDONED when the timeout fires
        // first; whoever wins is responsible for scheduling the next poll, so a provider is never left unscheduled.
        AtomicInteger phase = new AtomicInteger(NOT_STARTED);
        long t0 = System.nanoTime();
        FleetProvider provider = slot.polled.provider();
        Future<?> run;
        try {
            run = pollers.submit(() -> {
                if (!phase.compareAndSet(NOT_STARTED, RUNNING)) {
                    return;
                }
                if (slot.retired) {
                    settled.set(true); // dropped by a reload after this poll was planned: its provider is closed
                    return;
                }
                Thread.currentThread().setName("fleetdeck-poll-" + provider.name());
                runPoll(slot, settled, t0);
            });
        } catch (RejectedExecutionException e) {
            return; // closing
        }
        Duration timeout = slot.polled.timeout();
        slot.watchdog = timer.schedule(() -> {
            if (settled.compareAndSet(false, true)) {
                slot.recordFailure(ProviderException.Kind.UNREACHABLE, provider.name() + ": no answer within "
                        + timeout.toMillis() + " ms (timeout)", Optional.empty(), took(t0), timer.now());
                if (phase.compareAndSet(NOT_STARTED, ABANDONED)) {
                    run.cancel(false);
                    scheduleNext(slot);
                } else {
                    run.cancel(true); // the poll thread's finally schedules the next poll
                }
                requestAssembly();
            }
        }, timeout);
    }

    private void runPoll(ProviderSlot slot, AtomicBoolean settled, long t0) {
        FleetProvider provider = slot.polled.provider();
        try {
            ProviderSnapshot snapshot = provider.poll();
            provider.limits().check(snapshot);
            if (!provider.producesOwnText()) {
                snapshot = SnapshotSanitizer.clean(snapshot);
            }
            if (settled.compareAndSet(false, true)) {
                slot.recordSuccess(snapshot, took(t0), timer.now());
            }
        } catch (ProviderException e) {
            if (settled.compareAndSet(false, true)) {
                slot.recordFailure(e.kind(), e.getMessage(), e.retryAfter(), took(t0), timer.now());
            }
        } catch (InterruptedException e) {
            if (settled.compareAndSet(false, true)) {
                slot.recordFailure(ProviderException.Kind.UNREACHABLE, provider.name() + ": poll interrupted",
                        Optional.empty(), took(t0), timer.now());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "provider " + provider.name() + " failed unexpectedly", e);
            if (settled.compareAndSet(false, true)) {
                slot.recordFailure(ProviderException.Kind.BAD_DATA, provider.name() + ": unexpected error "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        Optional.empty(), took(t0), timer.now());
            }
        } finally {
            PollTimer.Cancellable watchdog = slot.watchdog;
            if (watchdog != null) {
                watchdog.cancel();
            }
            // Schedule first, then publish: whoever sees the result can rely on the next attempt being planned.
            scheduleNext(slot);
            requestAssembly();
        }
    }

    /** Schedules the next poll at the time the slot's last result asked for (backoff or interval). */
    private void scheduleNext(ProviderSlot slot) {
        if (stopped || slot.retired) {
            return;
        }
        Instant next = slot.nextAttempt().orElseGet(timer::now);
        Duration delay = Duration.between(timer.now(), next);
        timer.schedule(() -> startPoll(slot), delay.isNegative() ? Duration.ZERO : delay);
    }

    private static Duration took(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Re-assembles when a provider's state changed without a poll finishing (e.g. its data went stale). */
    private void checkStates() {
        if (stopped) {
            return;
        }
        timer.schedule(this::checkStates, STATE_CHECK);
        var now = timer.now();
        List<ProviderState> states = slots.stream().map(s -> s.statusAt(now).state()).toList();
        if (!states.equals(lastStates)) {
            requestAssembly();
        }
    }

    private void requestAssembly() {
        if (stopped || !assemblyPending.compareAndSet(false, true)) {
            return;
        }
        try {
            assemblyThread.execute(() -> {
                assemblyPending.set(false);
                assembleAndPublish();
            });
        } catch (RejectedExecutionException e) {
            assemblyPending.set(false);
        }
    }

    private void assembleAndPublish() {
        var now = timer.now();
        List<ProviderSlot> current = slots;
        List<ProviderView> views = new ArrayList<>(current.size());
        for (ProviderSlot slot : current) {
            views.add(new ProviderView(slot.statusAt(now), slot.lastGood()));
        }
        lastStates = views.stream().map(v -> v.status().state()).toList();
        FleetSnapshot snapshot = assembler.assemble(sequence.incrementAndGet(), now, views);
        FleetSnapshot previous = latest.getAndSet(snapshot);
        if (previous == null || (everyProviderPolled().test(snapshot) && !everyProviderPolled().test(previous))) {
            LOG.log(System.Logger.Level.INFO, "snapshot #{0}: {1} GPUs from {2} providers, {3} ms after start",
                    snapshot.sequence(), snapshot.gpuCount(), current.size(),
                    Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
        }
        synchronized (publishMonitor) {
            publishMonitor.notifyAll();
        }
        for (Consumer<FleetSnapshot> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "snapshot listener failed", e);
            }
        }
    }

    /** Stops every thread and closes the providers. Idempotent; waits at most a few seconds. */
    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        timer.close();
        pollers.shutdownNow();
        assemblyThread.shutdownNow();
        try {
            pollers.awaitTermination(2, TimeUnit.SECONDS);
            assemblyThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProviderSlot slot : slots) {
            slot.unschedule();
            closeQuietly(slot.polled.provider());
        }
    }
}
