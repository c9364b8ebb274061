package dev.fleetdeck.service;

import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.support.LambdaProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProviderSlotTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private static ProviderSlot slot() {
        FleetProvider p = new LambdaProvider("p", () -> {
            throw new AssertionError("not polled here");
        });
        return new ProviderSlot(new PolledProvider(p, Duration.ofSeconds(10), Duration.ofSeconds(5)));
    }

    @Test
    void statesFollowSuccessesAndFailures() {
        ProviderSlot s = slot();
        assertEquals(ProviderState.STARTING, s.statusAt(T0).state());
        s.recordFailure(ProviderException.Kind.UNREACHABLE, "p: refused", Duration.ZERO);
        assertEquals(ProviderState.DOWN, s.statusAt(T0).state(), "never answered and failing");

        s.recordSuccess(new ProviderSnapshot("p", T0, List.of(), List.of()), Duration.ofMillis(4));
        assertEquals(ProviderState.OK, s.statusAt(T0.plusSeconds(1)).state());

        s.recordFailure(ProviderException.Kind.UNREACHABLE, "p: refused", Duration.ZERO);
        assertEquals(ProviderState.DEGRADED, s.statusAt(T0.plusSeconds(11)).state(), "one failure, recent data");
        assertEquals(ProviderState.STALE, s.statusAt(T0.plusSeconds(36)).state(), "3 intervals + timeout without data");
        s.recordFailure(ProviderException.Kind.UNREACHABLE, "p: refused", Duration.ZERO);
        s.recordFailure(ProviderException.Kind.UNREACHABLE, "p: refused", Duration.ZERO);
        assertEquals(ProviderState.DOWN, s.statusAt(T0.plusSeconds(40)).state());
        assertEquals("p: refused", s.statusAt(T0).lastError().orElseThrow());

        s.recordFailure(ProviderException.Kind.AUTH, "p: 401 Unauthorized", Duration.ZERO);
        assertEquals(ProviderState.AUTH_ERROR, s.statusAt(T0.plusSeconds(41)).state());

        s.recordSuccess(new ProviderSnapshot("p", T0.plusSeconds(50), List.of(), List.of("host x did not answer")),
                Duration.ZERO);
        assertEquals(ProviderState.DEGRADED, s.statusAt(T0.plusSeconds(50)).state(), "partial data");
        assertEquals(0, s.failures());
    }
}
