package dev.fleetdeck.bench;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.service.alerts.AlertEngine;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.events.EventDetector;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.events.EventLog;
import dev.fleetdeck.service.events.EventWindow;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.health.HealthTrends;
import dev.fleetdeck.service.history.History;
import dev.fleetdeck.service.idle.IdleTracker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One poll cycle as the assembler thread runs it: assemble the fleet snapshot from a provider's answer (with health
 * rules and capacity roll-ups), append it to history (fleet series and per-GPU rings), and detect events.
 * Budget (DESIGN.md): ≤ 100 ms per cycle at 100k GPUs on one core, so the fork is limited to one processor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:ActiveProcessorCount=1", "-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class PollCycleBenchmark {
    @Param({"1000", "10000", "100000"})
    public int gpus;

    private List<ProviderSnapshot> frames;
    private FleetAssembler assembler;
    private History history;
    private EventDetector events;
    private EventLog eventLog;
    private FleetAssembler withTrends;
    private IdleTracker idle;
    private AlertEngine alerts;
    private long sequence;
    private Instant now;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        frames = BenchFleet.frames(gpus, 8);
        assembler = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5));
        history = new History();
        eventLog = new EventLog();
        events = new EventDetector(eventLog);
        withTrends = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5),
                new HealthTrends());
        idle = new IdleTracker(5, Duration.ofMinutes(15));
        alerts = new AlertEngine(AlertSettings.defaults(),
                idle::latest, null);
        now = BenchFleet.START;
    }

    /**
     * What the desktop app does per poll: health with trends, history, events, idle GPUs, default alert rules, and
     * the frame every view renders (alert state, idle report and the newest events copied).
     */
    @Benchmark
    public FleetFrame wholeCycle() {
        sequence++;
        now = now.plus(BenchFleet.STEP);
        ProviderSnapshot frame = frames.get((int) (sequence % frames.size()));
        FleetSnapshot snap = BenchFleet.assemble(withTrends, sequence, now, frame);
        history.accept(snap);
        events.accept(snap);
        idle.accept(snap);
        alerts.accept(snap);
        return new FleetFrame(sequence, snap, alerts.state(), idle.latest(), EventWindow.of(eventLog), history);
    }

    @Benchmark
    public FleetSnapshot assembleHealthHistoryEvents() {
        sequence++;
        now = now.plus(BenchFleet.STEP);
        ProviderSnapshot frame = frames.get((int) (sequence % frames.size()));
        FleetSnapshot snap = BenchFleet.assemble(assembler, sequence, now, frame);
        history.accept(snap);
        events.accept(snap);
        return snap;
    }

    @Benchmark
    public FleetSnapshot assembleOnly() {
        sequence++;
        now = now.plus(BenchFleet.STEP);
        return BenchFleet.assemble(assembler, sequence, now, frames.get((int) (sequence % frames.size())));
    }
}
