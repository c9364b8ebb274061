package dev.fleetdeck.provider.sim;

import dev.fleetdeck.provider.AggregateHistory;
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

    /** How much past a real-time simulated fleet has at start. */
    static final Duration PAST = Duration.ofHours(24);

    private final Object lock = new Object();
    private SimPast past;

    /**
     * @param name     configured name
     * @param settings fleet shape
     * @param clock    real clock (a fixed or stepped clock in tests)
     */
    public SimulatedProvider(String name, SimSettings settings, Clock clock) {
        this(name, settings, clock, false);
    }

    /** @param market whether the simulated cloud also offers capacity for rent (market offers) */
    public SimulatedProvider(String name, SimSettings settings, Clock clock, boolean market) {
        this.name = name;
        this.settings = settings;
        this.clock = clock;
        this.market = market ? new SimMarket(name, settings) : null;
    }

    private final SimMarket market;

    @Override
    public String name() {
        return name;
    }

    /** Every name and number comes from the seeded simulator and its settings (escaped in {@link SimSettings}). */
    @Override
    public boolean producesOwnText() {
        return true;
    }

    @Override
    public String type() {
        return SimulatedProviderFactory.TYPE;
    }

    /** Called on the polling thread; builds the fleet on the first call. */
    @Override
    public ProviderSnapshot poll() throws InterruptedException {
        Instant now = clock.instant();
        synchronized (lock) {
            if (fleet == null) {
                begin(now);
            }
            Duration real = Duration.between(realStart, now);
            long simMillis = (long) (Math.max(0, real.toMillis()) * settings.timeScale());
            fleet.advanceTo(simStart.plusMillis(simMillis));
            if (Thread.interrupted()) {
                throw new InterruptedException("simulated provider " + name + " interrupted");
            }
            Instant simNow = simStart.plusMillis(simMillis);
            return new ProviderSnapshot(name, now, fleet.nodes(name), List.of(),
                    market == null ? List.of() : market.at(simNow));
        }
    }

    /**
     * A fleet that runs in real time (time-scale 1, no fixed start) has been running for a day: it is simulated
     * from {@link #PAST} ago up to now once, recording its trends on the way, so the showroom's day chart and the
     * trends have a past. Other fleets start fresh.
     */
    private void begin(Instant now) {
        realStart = now;
        simStart = settings.start().orElse(now);
        if (settings.timeScale() == 1.0 && settings.start().isEmpty() && past == null) {
            Instant from = now.minus(PAST).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            fleet = new SimulatedFleet(settings, from);
            past = SimPast.record(fleet, from, now, name);
        } else {
            fleet = new SimulatedFleet(settings, simStart);
        }
    }

    /** The fleet's recorded past (real-time fleets only); runs the day on the first call if no poll did. */
    @Override
    public java.util.Optional<AggregateHistory> aggregateHistory(Instant from, Instant to,
                                                                                      Duration step) {
        synchronized (lock) {
            if (fleet == null) {
                begin(clock.instant());
            }
            return past == null ? java.util.Optional.empty() : java.util.Optional.of(past.on(from, to, step));
        }
    }

    /** The simulated time of the last poll (for the window title in demo mode and tests). */
    public Instant simulatedTime() {
        return fleet == null ? settings.start().orElse(clock.instant()) : fleet.simTime();
    }
}
