package dev.fleetdeck.ui.app;

import java.time.Instant;
import java.util.Optional;

/**
 * How a replay opens: at which moment ({@code from}; empty: the recording's start), playing at {@code speed} × (0:
 * paused), and whether it starts over at the end.
 */
public record ReplayPlan(Optional<Instant> from, int speed, boolean loop) {
    public ReplayPlan {
        if (speed < 0) {
            throw new IllegalArgumentException("speed must be 0 or more, not " + speed);
        }
    }
}
