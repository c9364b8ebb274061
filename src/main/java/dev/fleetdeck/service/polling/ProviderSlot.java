package dev.fleetdeck.service.polling;

import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The polling state of one provider: its last good answer, how its recent polls went and when it is polled next.
 * Every method is synchronized: results are recorded on polling or timer threads and read on the assembler thread.
 */
final class ProviderSlot {
    /** Consecutive failures (other than rate limiting) after which a provider counts as down. */
    static final int DOWN_AFTER_FAILURES = 3;
    /** Intervals without a success after which data counts as stale. */
    static final int STALE_AFTER_INTERVALS = 3;

    final PolledProvider polled;
    private final BackoffPolicy backoff;
    /** The timeout task of the running poll; written by the timer thread before the poll can end. */
    volatile PollTimer.Cancellable watchdog;
    /** Set when a reloaded configuration dropped or replaced this provider: it is never polled again. */
    volatile boolean retired;
    private ProviderSnapshot lastGood;
    private Instant lastSuccess;
    private String lastError;
    private ProviderException.Kind lastErrorKind;
    private int failures;
    private int hardFailures;
    private boolean polledOnce;
    private Duration lastPollDuration = Duration.ZERO;
    private Instant nextAttempt;

    ProviderSlot(PolledProvider polled, BackoffPolicy backoff) {
        this.polled = polled;
        this.backoff = backoff;
    }

    String name() {
        return polled.provider().name();
    }

    /** Records a good answer; returns when to poll next (the backoff is reset). */
    synchronized Instant recordSuccess(ProviderSnapshot snapshot, Duration took, Instant now) {
        lastGood = snapshot;
        lastSuccess = snapshot.takenAt();
        lastError = null;
        lastErrorKind = null;
        failures = 0;
        hardFailures = 0;
        polledOnce = true;
        lastPollDuration = took;
        nextAttempt = now.plus(backoff.afterSuccess());
        return nextAttempt;
    }

    /** Records a failed poll; returns when to poll next, following the backoff policy. */
    synchronized Instant recordFailure(ProviderException.Kind kind, String message, Optional<Duration> retryAfter,
                                       Duration took, Instant now) {
        lastErrorKind = kind;
        failures++;
        if (kind != ProviderException.Kind.RATE_LIMITED) {
            hardFailures++;
        }
        polledOnce = true;
        lastPollDuration = took;
        Duration delay = backoff.afterFailure(failures, kind, retryAfter);
        nextAttempt = now.plus(delay);
        lastError = oneLine(message) + retryNote(kind, retryAfter, delay);
        return nextAttempt;
    }

    /** Forgets the scheduled attempt (the service stopped). */
    synchronized void unschedule() {
        nextAttempt = null;
    }

    synchronized Optional<ProviderSnapshot> lastGood() {
        return Optional.ofNullable(lastGood);
    }

    synchronized int failures() {
        return failures;
    }

    synchronized Optional<Instant> nextAttempt() {
        return Optional.ofNullable(nextAttempt);
    }

    /** The provider's status as seen at {@code now}. */
    synchronized ProviderStatus statusAt(Instant now) {
        List<String> notices = new java.util.ArrayList<>();
        if (lastGood != null && !lastGood.warnings().isEmpty()) {
            // A degraded source always says why: the first problem of its last answer, and how many there were.
            List<String> w = lastGood.warnings();
            notices.add((w.size() == 1 ? "1 problem in the last answer: " : w.size() + " problems in the last answer; "
                    + "first: ") + w.getFirst());
        }
        try {
            notices.addAll(polled.provider().notices());
        } catch (RuntimeException e) {
            notices.add("notices unavailable: " + e.getClass().getSimpleName());
        }
        boolean redact = Redaction.active();
        notices.replaceAll(n -> SnapshotSanitizer.text(n, redact));
        return new ProviderStatus(name(), polled.provider().type(), stateAt(now), Optional.ofNullable(lastSuccess),
                Optional.ofNullable(lastError).map(e -> SnapshotSanitizer.text(e, redact)), failures, lastGood == null ? 0 : lastGood.nodes().size(),
                lastPollDuration, Optional.ofNullable(nextAttempt), notices);
    }

    private ProviderState stateAt(Instant now) {
        if (!polledOnce) {
            return ProviderState.STARTING;
        }
        if (lastErrorKind == ProviderException.Kind.AUTH) {
            return ProviderState.AUTH_ERROR;
        }
        if (lastErrorKind == ProviderException.Kind.CONFIG) {
            return ProviderState.CONFIG_ERROR;
        }
        if (hardFailures >= DOWN_AFTER_FAILURES || (lastSuccess == null && lastErrorKind != null
                && lastErrorKind != ProviderException.Kind.RATE_LIMITED)) {
            return ProviderState.DOWN;
        }
        if (lastSuccess == null) {
            return ProviderState.STALE; // rate limited before the first answer: no data at all yet
        }
        Duration staleAfter = polled.interval().multipliedBy(STALE_AFTER_INTERVALS).plus(polled.timeout());
        if (Duration.between(lastSuccess, now).compareTo(staleAfter) > 0) {
            return ProviderState.STALE;
        }
        if (failures == 0) {
            return lastGood.warnings().isEmpty() ? ProviderState.OK : ProviderState.DEGRADED;
        }
        // One or two failures in a row with recent data: still usable, but no longer complete.
        return ProviderState.DEGRADED;
    }

    private static String oneLine(String message) {
        String text = message == null ? "failed without a message" : message.strip();
        int nl = text.indexOf('\n');
        if (nl >= 0) {
            text = text.substring(0, nl).strip() + " …";
        }
        return text.length() > 300 ? text.substring(0, 299) + "…" : text;
    }

    private static String retryNote(ProviderException.Kind kind, Optional<Duration> retryAfter, Duration delay) {
        String when = delay.toMillis() < 1000 ? delay.toMillis() + " ms" : Units.age(delay);
        if (retryAfter.isPresent()) {
            return " (server asked to retry after " + Units.age(retryAfter.get())
                    + "; next try in " + when + ")";
        }
        if (kind == ProviderException.Kind.AUTH || kind == ProviderException.Kind.CONFIG) {
            return " (next try in " + when + "; fix the configuration to retry sooner)";
        }
        return " (next try in " + when + ")";
    }
}
