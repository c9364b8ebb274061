package dev.fleetdeck.ui;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.service.CoalescingPublisher;
import javafx.application.Platform;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands fleet snapshots from the polling service to the JavaFX thread: latest wins, at most one
 * {@link Platform#runLater} pending, so the FX thread never falls behind however fast snapshots come.
 */
public final class SnapshotBus implements Consumer<FleetSnapshot> {
    private final CoalescingPublisher<FleetSnapshot> publisher;
    private final AtomicLong delivered = new AtomicLong();

    /** A bus that delivers on the JavaFX thread. */
    public SnapshotBus(Consumer<FleetSnapshot> onFxThread) {
        this(Platform::runLater, onFxThread);
    }

    /** A bus over another executor (tests). */
    SnapshotBus(Executor target, Consumer<FleetSnapshot> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        this.publisher = new CoalescingPublisher<>(target, snap -> {
            delivered.incrementAndGet();
            consumer.accept(snap);
        });
    }

    /** Offers a snapshot; called on the polling service's assembler thread. */
    @Override
    public void accept(FleetSnapshot snapshot) {
        publisher.publish(snapshot);
    }

    /** How many snapshots reached the consumer. */
    public long delivered() {
        return delivered.get();
    }
}
