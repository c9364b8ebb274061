package dev.fleetdeck.service.alerts;

import dev.fleetdeck.model.AlertScope;
import dev.fleetdeck.model.Health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert as it stands: a rule's condition on one group of the fleet. Immutable; the engine replaces it as it
 * moves pending → firing → resolved.
 *
 * @param key           rule name and group, unique among open alerts ("gpu-hot|sim/node-7")
 * @param rule          the rule's name
 * @param severity      WARN or CRIT
 * @param scope         how the rule groups the fleet
 * @param group         the group ("sim/node-7", "us-east-1", "acme")
 * @param summary       what the rule says ("hottest GPU above 90 °C for 2 min")
 * @param value         the latest value with its unit ("93 °C")
 * @param state         where it is in its life
 * @param pendingSince  when the condition first held
 * @param firedAt       when it fired; empty while pending
 * @param resolvedAt    when it resolved; empty while open
 * @param ackedAt       when someone acknowledged it; empty if nobody did
 * @param silencedUntil no notifications until then; empty if not silenced
 */
public record Alert(String key, String rule, Health severity, AlertScope scope, String group, String summary,
                    String value, State state, Instant pendingSince, Optional<Instant> firedAt,
                    Optional<Instant> resolvedAt, Optional<Instant> ackedAt, Optional<Instant> silencedUntil) {
    /** Life of an alert. */
    public enum State { PENDING, FIRING, RESOLVED }

    public Alert {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(pendingSince, "pendingSince");
    }

    public boolean isSilenced(Instant now) {
        return silencedUntil.map(now::isBefore).orElse(false);
    }

    Alert with(State s, String v, Optional<Instant> fired, Optional<Instant> resolved) {
        return new Alert(key, rule, severity, scope, group, summary, v, s, pendingSince, fired, resolved, ackedAt,
                silencedUntil);
    }

    Alert acked(Instant at) {
        return new Alert(key, rule, severity, scope, group, summary, value, state, pendingSince, firedAt, resolvedAt,
                Optional.of(at), silencedUntil);
    }

    Alert silenced(Instant until) {
        return new Alert(key, rule, severity, scope, group, summary, value, state, pendingSince, firedAt, resolvedAt,
                ackedAt, Optional.of(until));
    }
}
