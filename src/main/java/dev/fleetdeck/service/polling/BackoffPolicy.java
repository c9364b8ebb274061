package dev.fleetdeck.service.polling;

import dev.fleetdeck.provider.ProviderException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to poll a provider next.
 * <ul>
 *   <li>After a success: after the provider's interval.</li>
 *   <li>After the n-th failure in a row: exponential backoff with full jitter, a uniformly random pause in
 *       {@code [0, min(cap, interval × 2^(n−1))]}, never below {@link #MIN_DELAY} so a failing source is not
 *       hammered in a tight loop. Spreading the retries this way keeps many clients from retrying in step.</li>
 *   <li>When the source sent {@code Retry-After}: at least that long (up to {@link #MAX_RETRY_AFTER}; a longer
 *       demand is treated as hostile or broken and clipped), even when it is beyond the cap.</li>
 *   <li>After an authentication or configuration error: the cap at once, since retrying sooner cannot help and
 *       hammering a server with bad credentials can get an account locked.</li>
 * </ul>
 * Thread-safe when its random generator is.
 */
public final class BackoffPolicy {
    /** The shortest pause between two polls of one provider. */
    public static final Duration MIN_DELAY = Duration.ofMillis(100);
    /** The longest {@code Retry-After} honoured. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final Duration interval;
    private final Duration cap;
    private final RandomGenerator random;

    /**
     * @param interval the normal interval, also the first backoff step
     * @param cap      the longest pause after failures (without Retry-After)
     * @param random   source of jitter
     */
    public BackoffPolicy(Duration interval, Duration cap, RandomGenerator random) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.cap = cap.compareTo(interval) < 0 ? interval : cap;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The pause after a successful poll. */
    public Duration afterSuccess() {
        return interval;
    }

    /** The ceiling of the jittered pause after {@code failures} failures in a row (for tests and display). */
    public Duration ceiling(int failures) {
        if (failures <= 0) {
            return interval;
        }
        int shift = Math.min(failures - 1, 40);
        long nanos = interval.toNanos();
        long scaled = nanos > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : nanos << shift;
        return Duration.ofNanos(Math.min(scaled, cap.toNanos()));
    }

    /**
     * The pause after a failed poll.
     *
     * @param failures   failures in a row, including this one (≥ 1)
     * @param kind       what kind of failure it was
     * @param retryAfter how long the source asked us to wait, if it said
     */
    public Duration afterFailure(int failures, ProviderException.Kind kind, Optional<Duration> retryAfter) {
        Duration delay;
        if (kind == ProviderException.Kind.AUTH || kind == ProviderException.Kind.CONFIG) {
            delay = cap;
        } else {
            long ceiling = ceiling(failures).toNanos();
            delay = Duration.ofNanos(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
        }
        if (delay.compareTo(MIN_DELAY) < 0) {
            delay = MIN_DELAY;
        }
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter.get();
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return delay;
    }

    public Duration cap() {
        return cap;
    }
}
