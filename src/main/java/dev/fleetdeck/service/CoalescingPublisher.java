package dev.fleetdeck.service;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values from any thread to a consumer on one target executor (the JavaFX thread, in the UI) without ever
 * queueing more than one task there: the latest value wins, and at most one drain is pending at a time. A burst of
 * a thousand publishes therefore costs the target a handful of runs, and the last value is always delivered.
 *
 * @param <T> the value type, e.g. {@code FleetSnapshot}
 */
public final class CoalescingPublisher<T> {
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Executor target;
    private final Consumer<? super T> consumer;

    /**
     * @param target   where the consumer runs, e.g. {@code Platform::runLater}
     * @param consumer receives values on the target; never called concurrently with itself when the target is
     *                 single-threaded
     */
    public CoalescingPublisher(Executor target, Consumer<? super T> consumer) {
        this.target = Objects.requireNonNull(target, "target");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** Offers a value; callable from any thread. Never blocks. */
    public void publish(T value) {
        latest.set(Objects.requireNonNull(value, "value"));
        if (pending.compareAndSet(false, true)) {
            target.execute(this::drain);
        }
    }

    private void drain() {
        // Clear the flag first: a publish that lands after this line schedules a new drain, so nothing is lost.
        pending.set(false);
        T value = latest.getAndSet(null);
        if (value != null) {
            consumer.accept(value);
        }
    }
}
