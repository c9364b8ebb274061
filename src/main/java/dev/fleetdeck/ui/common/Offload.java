package dev.fleetdeck.ui.common;

import dev.fleetdeck.service.CoalescingPublisher;
import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the views' heavy work runs: filtering and sorting the fleet table, laying out and colouring the heatmap,
 * searching. {@link #background()} owns one named worker thread and hands results to the FX thread; {@link
 * #sameThread()} runs everything where it is asked (tests and the headless renderer, which want the result before
 * they look). {@link #close()} stops the worker.
 */
public final class Offload implements AutoCloseable {
    private final java.util.concurrent.Executor worker;
    private final java.util.concurrent.Executor fx;
    private final ExecutorService owned;

    private Offload(java.util.concurrent.Executor worker, java.util.concurrent.Executor fx, ExecutorService owned) {
        this.worker = worker;
        this.fx = fx;
        this.owned = owned;
    }

    /** One daemon worker thread ({@code fleetdeck-views}); results reach the FX thread by {@code runLater}. */
    public static Offload background() {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fleetdeck-views");
            t.setDaemon(true);
            return t;
        });
        return new Offload(ex, Platform::runLater, ex);
    }

    /** Work and results both run on the caller's thread (which must be the FX thread). */
    public static Offload sameThread() {
        return new Offload(Runnable::run, Runnable::run, null);
    }

    /** A worker of the caller's choosing with results through {@code fx} (benchmarks time the FX side). */
    public static Offload of(java.util.concurrent.Executor worker, java.util.concurrent.Executor fx) {
        return new Offload(worker, fx, null);
    }

    /**
     * A channel for one kind of result: only the latest request is computed (older ones not yet started are
     * dropped), and only the latest result is applied on the FX thread, at most one {@code runLater} pending.
     */
    public <T> Channel<T> channel(Consumer<T> applyOnFx) {
        return new Channel<>(applyOnFx);
    }

    /** See {@link #channel}. */
    public final class Channel<T> {
        private final AtomicReference<Supplier<T>> next = new AtomicReference<>();
        private final CoalescingPublisher<T> results;

        private Channel(Consumer<T> apply) {
            this.results = new CoalescingPublisher<>(fx, apply);
        }

        /** Asks for {@code work} to run on the worker; callable from the FX thread. */
        public void request(Supplier<T> work) {
            if (next.getAndSet(work) == null) {
                worker.execute(this::drain);
            }
        }

        private void drain() {
            Supplier<T> work;
            while ((work = next.getAndSet(null)) != null) {
                try {
                    results.publish(work.get());
                } catch (RuntimeException e) {
                    System.getLogger(Offload.class.getName()).log(System.Logger.Level.WARNING,
                            "view computation failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
            try {
                owned.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
