package dev.fleetdeck.support;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.sim.SimSettings;
import dev.fleetdeck.provider.sim.SimulatedProvider;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.assembly.ProviderView;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.health.HealthTrends;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Frames of two seeded simulated sources on a clock that steps, through the assembler and every engine, as the back
 * end builds them — without waiting for wall-clock polls. The second source can be made to stop answering: its
 * nodes then stay in the frame with old data, marked stale, as in a live cycle.
 */
public final class SimFrames {
    public static final Instant START = Instant.parse("2026-11-30T03:00:00Z");
    private final SettableClock clock = new SettableClock(START);
    private final SimulatedProvider a;
    private final SimulatedProvider b;
    private final FleetAssembler assembler = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5),
            new HealthTrends());
    private final TestFrames engines = new TestFrames();
    private final Duration step;
    private ProviderSnapshot lastB;
    private Instant lastBAt;
    private long seq;

    /** @param nodes nodes per source, 8 GPUs each; events often, so XIDs, alerts and state changes happen */
    public SimFrames(int nodes, Duration step) {
        this.step = step;
        SimSettings d = SimSettings.defaults();
        a = new SimulatedProvider("alpha", new SimSettings(7, nodes, 8, d.regions(), d.models(), 5, 60, "alpha",
                Optional.of(START), 40), clock);
        b = new SimulatedProvider("beta", new SimSettings(8, nodes, 8, d.regions(), d.models(), 5, 60, "beta",
                Optional.of(START), 40), clock);
    }

    /** The next frame; {@code betaAnswers} false makes the second source fail this cycle. */
    public FleetFrame next(boolean betaAnswers) throws InterruptedException {
        clock.now = START.plus(step.multipliedBy(seq));
        Instant now = clock.now;
        ProviderSnapshot sa = a.poll();
        ProviderStatus okA = status("alpha", ProviderState.OK, Optional.of(now), 0, sa.nodes().size());
        ProviderView va = new ProviderView(okA, Optional.of(sa));
        ProviderView vb;
        if (betaAnswers || lastB == null) {
            lastB = b.poll();
            lastBAt = now;
            vb = new ProviderView(status("beta", ProviderState.OK, Optional.of(now), 0, lastB.nodes().size()),
                    Optional.of(lastB));
        } else {
            vb = new ProviderView(status("beta", ProviderState.STALE, Optional.of(lastBAt), 3, lastB.nodes().size()),
                    Optional.of(lastB));
        }
        FleetSnapshot snap = assembler.assemble(++seq, now, List.of(va, vb));
        return engines.next(snap);
    }

    /** {@code n} frames, the second source silent in frames [{@code silentFrom}, {@code silentTo}). */
    public List<FleetFrame> frames(int n, int silentFrom, int silentTo) throws InterruptedException {
        List<FleetFrame> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(next(i < silentFrom || i >= silentTo));
        }
        return out;
    }

    private ProviderStatus status(String name, ProviderState state, Optional<Instant> success, int failures,
                                  int nodes) {
        return new ProviderStatus(name, "simulated", state, success,
                state == ProviderState.OK ? Optional.empty() : Optional.of(name + ": connection refused"), failures,
                nodes, Duration.ofMillis(12), Optional.of(clock.now.plus(step)), List.of());
    }
}
