package dev.fleetdeck.ui.common;

import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.Units;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a provider's status reads in the status strip, its tooltip and the sources view. */
public final class ProviderStatusText {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    private ProviderStatusText() {
    }

    /** "2 s old", "no data yet". */
    public static String dataAge(ProviderStatus p, Instant now) {
        return p.dataAge(now).map(a -> Units.age(a) + " old").orElse("no data yet");
    }

    /** "in 12 s", "now", or "—" when nothing is planned. */
    public static String nextAttempt(ProviderStatus p, Instant now) {
        return p.nextAttempt().map(t -> {
            Duration d = Duration.between(now, t);
            return d.isNegative() || d.isZero() ? "now" : "in " + Units.age(d.plusMillis(999));
        }).orElse("—");
    }

    /** A clock time, or "never". */
    public static String clock(java.util.Optional<Instant> t, ZoneId zone) {
        return t.map(i -> CLOCK.format(i.atZone(zone))).orElse("never");
    }

    /** The multi-line tooltip of a provider chip. */
    public static String tooltip(ProviderStatus p, Instant now, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append(p.name()).append(" (").append(p.type()).append(")\n");
        b.append("State: ").append(p.state().label()).append('\n');
        b.append("Data: ").append(dataAge(p, now)).append(", last success ").append(clock(p.lastSuccess(), zone))
                .append('\n');
        b.append("Nodes: ").append(Units.count(p.nodes())).append(" · last poll ")
                .append(p.lastPollDuration().toMillis()).append(" ms · next poll ").append(nextAttempt(p, now));
        if (p.consecutiveFailures() > 0) {
            b.append("\nFailures in a row: ").append(p.consecutiveFailures());
        }
        p.lastError().ifPresent(e -> b.append("\nLast error: ").append(e));
        for (String notice : p.notices()) {
            b.append("\n⚠ ").append(notice);
        }
        return b.toString();
    }
}
