package dev.fleetdeck.config;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A moment as written on the command line ({@code --at}, {@code --from}, {@code --to}): an ISO-8601 instant
 * ({@code 2026-12-01T03:12:00Z}), a local clock time today ({@code 03:12} or {@code 03:12:30}), or a time before now
 * ({@code -10m}, {@code -2h}, {@code -1d}).
 */
public final class MomentText {
    public static final String FORMS = "an ISO-8601 instant (2026-12-01T03:12:00Z), a local time today (03:12 or 03:12:30)"
            + " or a time before now (-10m, -2h, -1d)";

    private MomentText() {
    }

    /** The moment, or empty when the text is none of the forms above. */
    public static Optional<Instant> parse(String text, Clock clock, ZoneId zone) {
        String t = text.strip();
        if (t.startsWith("-")) {
            return DurationText.parse(t.substring(1)).map(d -> clock.instant().minus(d));
        }
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            // not an instant: a clock time?
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // nor an instant with an offset
        }
        if (t.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
            try {
                LocalTime time = LocalTime.parse(t.length() == 4 || t.length() == 7 ? "0" + t : t);
                return Optional.of(clock.instant().atZone(zone).toLocalDate().atTime(time).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

}
