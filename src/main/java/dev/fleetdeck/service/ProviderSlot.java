package dev.fleetdeck.service;

import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The polling state of one provider: its last good answer and how its recent polls went. Every method is
 * synchronized: results are recorded on polling threads and read on the assembler thread.
 */
final class ProviderSlot {
    /** Consecutive failures after which a provider counts as down. */
    static final int DOWN_AFTER_FAILURES = 3;
    /** Intervals without a success after which data counts as stale. */
    static final int STALE_AFTER_INTERVALS = 3;

    final PolledProvider polled;
    /** The timeout task of the running poll; written by the scheduler before the poll can end. */
    volatile java.util.concurrent.ScheduledFuture<?> watchdog;
    private ProviderSnapshot lastGood;
    private Instant lastSuccess;
    private String lastError;
    private ProviderException.Kind lastErrorKind;
    private int failures;
    private boolean polledOnce;
    private Duration lastPollDuration = Duration.ZERO;

    ProviderSlot(PolledProvider polled) {
        this.polled = polled;
    }

    String name() {
        return polled.provider().name();
    }

    synchronized void recordSuccess(ProviderSnapshot snapshot, Duration took) {
        lastGood = snapshot;
        lastSuccess = snapshot.takenAt();
        lastError = null;
        lastErrorKind = null;
        failures = 0;
        polledOnce = true;
        lastPollDuration = took;
    }

    synchronized void recordFailure(ProviderException.Kind kind, String message, Duration took) {
        lastError = message;
        lastErrorKind = kind;
        failures++;
        polledOnce = true;
        lastPollDuration = took;
    }

    synchronized Optional<ProviderSnapshot> lastGood() {
        return Optional.ofNullable(lastGood);
    }

    synchronized int failures() {
        return failures;
    }

    /** The provider's status as seen at {@code now}. */
    synchronized ProviderStatus statusAt(Instant now) {
        return new ProviderStatus(name(), polled.provider().type(), stateAt(now), Optional.ofNullable(lastSuccess),
                Optional.ofNullable(lastError), failures, lastGood == null ? 0 : lastGood.nodes().size(),
                lastPollDuration);
    }

    private ProviderState stateAt(Instant now) {
        if (!polledOnce) {
            return ProviderState.STARTING;
        }
        if (failures == 0) {
            return lastGood.warnings().isEmpty() ? ProviderState.OK : ProviderState.DEGRADED;
        }
        if (lastErrorKind == ProviderException.Kind.AUTH) {
            return ProviderState.AUTH_ERROR;
        }
        if (failures >= DOWN_AFTER_FAILURES || lastSuccess == null) {
            return ProviderState.DOWN;
        }
        Duration staleAfter = polled.interval().multipliedBy(STALE_AFTER_INTERVALS).plus(polled.timeout());
        if (Duration.between(lastSuccess, now).compareTo(staleAfter) > 0) {
            return ProviderState.STALE;
        }
        // One or two failures in a row with recent data: still usable, but no longer complete.
        return ProviderState.DEGRADED;
    }
}
