package dev.fleetdeck.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one configured provider is doing at snapshot time.
 *
 * @param name                the provider's configured name
 * @param type                its type, e.g. {@code simulated}
 * @param state               its state as a data source
 * @param lastSuccess         when it last answered with data; empty before the first success
 * @param lastError           a one-line message naming the source; empty when the last poll succeeded
 * @param consecutiveFailures failed polls since the last success
 * @param nodes               nodes it contributes to the fleet
 * @param lastPollDuration    how long its last poll took
 * @param nextAttempt         when it will be polled next; empty before it is scheduled or after the service stopped
 * @param notices             standing warnings about the source itself, e.g. "TLS verification is off"
 */
public record ProviderStatus(
        String name,
        String type,
        ProviderState state,
        Optional<Instant> lastSuccess,
        Optional<String> lastError,
        int consecutiveFailures,
        int nodes,
        Duration lastPollDuration,
        Optional<Instant> nextAttempt,
        List<String> notices) {

    public ProviderStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(lastPollDuration, "lastPollDuration");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        notices = List.copyOf(notices);
    }

    /** Age of its data at {@code now}, or empty when it never answered. */
    public Optional<Duration> dataAge(Instant now) {
        return lastSuccess.map(t -> {
            Duration age = Duration.between(t, now);
            return age.isNegative() ? Duration.ZERO : age;
        });
    }

    /** This status with another node count (the assembler counts the nodes it actually placed). */
    public ProviderStatus withNodes(int count) {
        return new ProviderStatus(name, type, state, lastSuccess, lastError, consecutiveFailures, count,
                lastPollDuration, nextAttempt, notices);
    }
}
