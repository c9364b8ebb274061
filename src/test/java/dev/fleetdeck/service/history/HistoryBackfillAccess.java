package dev.fleetdeck.service.history;

import dev.fleetdeck.provider.FleetProvider;

import java.time.Clock;
import java.util.List;

/** Lets tests in other packages run the package-private history backfill. */
public final class HistoryBackfillAccess {
    private HistoryBackfillAccess() {
    }

    public static int run(List<FleetProvider> providers, FleetHistory history) throws InterruptedException {
        return HistoryBackfill.run(providers, history, Clock.systemUTC(), java.time.Duration.ofMinutes(2),
                java.time.Duration.ofSeconds(1));
    }
}
