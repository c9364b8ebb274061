package dev.fleetdeck.ui.common;

import dev.fleetdeck.service.CoalescingPublisher;
import dev.fleetdeck.service.FleetFrame;
import javafx.application.Platform;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands fleet frames from the back end to the JavaFX thread: latest wins, at most one {@link Platform#runLater}
 * pending, so the FX thread never falls behind however fast frames come. A replayed frame takes the same path.
 */
public final class FrameBus implements Consumer<FleetFrame> {
    private final CoalescingPublisher<FleetFrame> publisher;
    private final AtomicLong delivered = new AtomicLong();

    /** A bus that delivers on the JavaFX thread. */
    public FrameBus(Consumer<FleetFrame> onFxThread) {
        this(Platform::runLater, onFxThread);
    }

    /** A bus over another executor (tests). */
    FrameBus(Executor target, Consumer<FleetFrame> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        this.publisher = new CoalescingPublisher<>(target, frame -> {
            delivered.incrementAndGet();
            consumer.accept(frame);
        });
    }

    /** Offers a frame; called on the assembler thread (or the thread that acknowledged an alert). */
    @Override
    public void accept(FleetFrame frame) {
        publisher.publish(frame);
    }

    /** How many frames reached the consumer. */
    public long delivered() {
        return delivered.get();
    }
}
