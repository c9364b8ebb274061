package dev.fleetdeck.service.polling;

import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException.Kind;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.support.FixedJitter;
import dev.fleetdeck.support.LambdaProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ProviderSlotTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Duration NO_TIME = Duration.ZERO;

    private static ProviderSlot slot() {
        FleetProvider p = new LambdaProvider("p", () -> {
            throw new AssertionError("not polled here");
        });
        PolledProvider polled = new PolledProvider(p, Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofMinutes(5));
        return new ProviderSlot(polled, new BackoffPolicy(polled.interval(), polled.backoffMax(), FixedJitter.MAX));
    }

    private static ProviderSnapshot answer(Instant at, String... warnings) {
        return new ProviderSnapshot("p", at, List.of(), List.of(warnings));
    }

    @Test
    void statesFollowSuccessesAndFailures() {
        ProviderSlot s = slot();
        assertEquals(ProviderState.STARTING, s.statusAt(T0).state());
        s.recordFailure(Kind.UNREACHABLE, "p: refused", Optional.empty(), NO_TIME, T0);
        assertEquals(ProviderState.DOWN, s.statusAt(T0).state(), "never answered and failing");

        s.recordSuccess(answer(T0), Duration.ofMillis(4), T0);
        assertEquals(ProviderState.OK, s.statusAt(T0.plusSeconds(1)).state());

        s.recordFailure(Kind.UNREACHABLE, "p: refused", Optional.empty(), NO_TIME, T0.plusSeconds(10));
        assertEquals(ProviderState.DEGRADED, s.statusAt(T0.plusSeconds(11)).state(), "one failure, recent data");
        assertEquals(ProviderState.STALE, s.statusAt(T0.plusSeconds(36)).state(), "3 intervals + timeout without data");
        s.recordFailure(Kind.UNREACHABLE, "p: refused", Optional.empty(), NO_TIME, T0.plusSeconds(20));
        s.recordFailure(Kind.UNREACHABLE, "p: refused", Optional.empty(), NO_TIME, T0.plusSeconds(40));
        assertEquals(ProviderState.DOWN, s.statusAt(T0.plusSeconds(40)).state());
        assertThat(s.statusAt(T0).lastError().orElseThrow()).startsWith("p: refused (next try in");

        s.recordFailure(Kind.AUTH, "p: HTTP 401 Unauthorized", Optional.empty(), NO_TIME, T0.plusSeconds(41));
        assertEquals(ProviderState.AUTH_ERROR, s.statusAt(T0.plusSeconds(41)).state());
        s.recordFailure(Kind.CONFIG, "p: HTTP 404 at /api/v1/query", Optional.empty(), NO_TIME, T0.plusSeconds(42));
        assertEquals(ProviderState.CONFIG_ERROR, s.statusAt(T0.plusSeconds(42)).state());

        s.recordSuccess(answer(T0.plusSeconds(50), "host x did not answer"), NO_TIME, T0.plusSeconds(50));
        assertEquals(ProviderState.DEGRADED, s.statusAt(T0.plusSeconds(50)).state(), "partial data");
        assertEquals(0, s.failures());
        assertEquals(ProviderState.STALE, s.statusAt(T0.plusSeconds(90)).state(),
                "no failure recorded, but no answer for 40 s either: never shown as fresh");
    }

    @Test
    void backoffDoublesUpToTheCapAndSuccessResetsIt() {
        ProviderSlot s = slot();
        s.recordSuccess(answer(T0), NO_TIME, T0);
        assertEquals(T0.plusSeconds(10), s.nextAttempt().orElseThrow(), "interval after a success");
        long[] expected = {10, 20, 40, 80, 160, 300, 300};
        for (long seconds : expected) {
            Instant next = s.recordFailure(Kind.UNREACHABLE, "p: HTTP 500", Optional.empty(), NO_TIME, T0);
            assertEquals(T0.plusSeconds(seconds), next);
        }
        assertEquals(T0.plusSeconds(10), s.recordSuccess(answer(T0), NO_TIME, T0), "recovery resets the backoff");
        assertEquals(T0.plusSeconds(10),
                s.recordFailure(Kind.UNREACHABLE, "p: HTTP 500", Optional.empty(), NO_TIME, T0));
    }

    @Test
    void rateLimitHonoursRetryAfterAndDoesNotCountAsDown() {
        ProviderSlot s = slot();
        s.recordSuccess(answer(T0), NO_TIME, T0);
        for (int i = 0; i < 5; i++) {
            s.recordFailure(Kind.RATE_LIMITED, "p: HTTP 429", Optional.of(Duration.ofSeconds(7)), NO_TIME, T0);
        }
        assertEquals(ProviderState.DEGRADED, s.statusAt(T0.plusSeconds(5)).state(), "rate limited is not down");
        Instant next = s.recordFailure(Kind.RATE_LIMITED, "p: HTTP 429", Optional.of(Duration.ofMinutes(20)),
                NO_TIME, T0);
        assertEquals(T0.plusSeconds(1200), next, "Retry-After beyond the cap is still honoured");
        assertThat(s.statusAt(T0).lastError().orElseThrow()).contains("server asked to retry after 20 min");
        next = s.recordFailure(Kind.RATE_LIMITED, "p: HTTP 429", Optional.of(Duration.ofDays(3)), NO_TIME, T0);
        assertEquals(T0.plus(BackoffPolicy.MAX_RETRY_AFTER), next, "a hostile Retry-After is clipped");
    }

    @Test
    void authErrorsGoStraightToTheCap() {
        ProviderSlot s = slot();
        Instant next = s.recordFailure(Kind.AUTH, "p: HTTP 401", Optional.empty(), NO_TIME, T0);
        assertEquals(T0.plus(Duration.ofMinutes(5)), next);
    }

    @Test
    void fullJitterSpreadsPausesBelowTheCeiling() {
        BackoffPolicy policy = new BackoffPolicy(Duration.ofSeconds(2), Duration.ofSeconds(60), new java.util.Random(1));
        for (int failures = 1; failures <= 8; failures++) {
            Duration ceiling = policy.ceiling(failures);
            assertEquals(Duration.ofSeconds(Math.min(60, 2L << (failures - 1))), ceiling);
            for (int i = 0; i < 200; i++) {
                Duration d = policy.afterFailure(failures, Kind.UNREACHABLE, Optional.empty());
                assertThat(d).isBetween(BackoffPolicy.MIN_DELAY, ceiling);
            }
        }
        var low = new BackoffPolicy(Duration.ofSeconds(2), Duration.ofSeconds(60), new FixedJitter(0.0));
        assertEquals(BackoffPolicy.MIN_DELAY, low.afterFailure(3, Kind.UNREACHABLE, Optional.empty()),
                "never a tight loop, even when the jitter draws zero");
    }

    @Test
    void aDegradedSourceAlwaysSaysWhyWithTheFirstProblemAndACount() {
        ProviderSlot s = slot();
        s.recordSuccess(answer(T0, "dcgm: target http://a/metrics down: connection refused", "lambda: instance x: "
                + "missing field 'region.name'", "third"), NO_TIME, T0);
        var status = s.statusAt(T0.plusSeconds(1));
        assertEquals(ProviderState.DEGRADED, status.state());
        assertEquals(Optional.empty(), status.lastError());
        assertThat(status.notices().getFirst()).isEqualTo("3 problems in the last answer; first: dcgm: target "
                + "http://a/metrics down: connection refused");
        ProviderSlot one = slot();
        one.recordSuccess(answer(T0, "nvidia-smi answered but listed no GPU\u001b[2J"), NO_TIME, T0);
        assertThat(one.statusAt(T0).notices().getFirst()).isEqualTo("1 problem in the last answer: nvidia-smi "
                + "answered but listed no GPU\\u001B[2J");
    }
}
