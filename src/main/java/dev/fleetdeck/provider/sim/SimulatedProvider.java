package dev.fleetdeck.provider.sim;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderSnapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The embedded default provider: a simulated GPU cloud whose simulated clock runs {@code time-scale} times faster
 * than the real one. Its snapshots carry real timestamps (data age is real); only the fleet's dynamics are
 * accelerated.
 */
public final class SimulatedProvider implements FleetProvider {
    private final String name;
    private final SimSettings settings;
    private final Clock clock;
    private SimulatedFleet fleet;
    private Instant realStart;
    private Instant simStart;

    /**
     * @param name     configured name
     * @param settings fleet shape
     * @param clock    real clock (a fixed or stepped clock in tests)
     */
    public SimulatedProvider(String name, SimSettings settings, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return SimulatedProviderFactory.TYPE;
    }

    /** Called on the polling thread; builds the fleet on the first call. */
    @Override
    public ProviderSnapshot poll() throws InterruptedException {
        Instant now = clock.instant();
        if (fleet == null) {
            realStart = now;
            simStart = settings.start().orElse(now);
            fleet = new SimulatedFleet(settings, simStart);
        }
        Duration real = Duration.between(realStart, now);
        long simMillis = (long) (Math.max(0, real.toMillis()) * settings.timeScale());
        fleet.advanceTo(simStart.plusMillis(simMillis));
        if (Thread.interrupted()) {
            throw new InterruptedException("simulated provider " + name + " interrupted");
        }
        return new ProviderSnapshot(name, now, fleet.nodes(name), List.of());
    }

    /** The simulated time of the last poll (for the window title in demo mode and tests). */
    public Instant simulatedTime() {
        return fleet == null ? settings.start().orElse(clock.instant()) : fleet.simTime();
    }
}
