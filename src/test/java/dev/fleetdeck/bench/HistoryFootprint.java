package dev.fleetdeck.bench;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.history.History;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the heap that history retains: fills one hour of history (a snapshot every 2 s, 1,800 appends) for a
 * fleet of 100,000 GPUs and prints the live heap before and after, next to the bound the history classes state.
 * Run with {@code mvn -B -Pbench verify -DskipTests}.
 */
public final class HistoryFootprint {
    private HistoryFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int gpus = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<ProviderSnapshot> frames = BenchFleet.frames(gpus, 8);
        FleetAssembler assembler = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5));
        List<FleetSnapshot> snaps = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            snaps.add(BenchFleet.assemble(assembler, i, BenchFleet.START, frames.get(i)));
        }
        frames = null;
        long withSnapshots = liveHeap();
        FleetSnapshot one = snaps.getFirst();
        snaps.subList(1, snaps.size()).clear();
        long oneSnapshot = liveHeap();
        long perSnapshot = (withSnapshots - oneSnapshot) / 7;

        History history = new History();
        long before = liveHeap();
        Instant t = BenchFleet.START;
        long t0 = System.nanoTime();
        int appends = (int) (Duration.ofHours(1).toSeconds() / BenchFleet.STEP.toSeconds());
        for (int i = 0; i < appends; i++) {
            t = t.plus(BenchFleet.STEP);
            history.accept(new FleetSnapshot(i, t, one.nodes(), one.providers(), one.byModel(), one.byRegion(),
                    one.detailed(), one.totals()));
        }
        double appendMs = (System.nanoTime() - t0) / 1e6 / appends;
        long after = liveHeap();
        System.out.printf("history footprint, %,d GPUs, 1 h at one snapshot per 2 s (%,d appends):%n", gpus, appends);
        System.out.printf("  one fleet snapshot retains      %8.1f MiB%n", perSnapshot / 1048576.0);
        System.out.printf("  heap retained by history        %8.1f MiB (measured: live heap after - before)%n",
                (after - before) / 1048576.0);
        System.out.printf("  history arrays, by construction %8.1f MiB (fleet %.1f MiB + per-GPU %.1f MiB, of which"
                        + " 5 s × 15 min %.1f MiB)%n", history.memoryBytes() / 1048576.0,
                history.fleet().memoryBytes() / 1048576.0, history.gpuMemoryBytes() / 1048576.0,
                history.gpus().memoryBytes() / 1048576.0);
        System.out.printf("  live heap with history + 1 snapshot %.1f MiB (budget 1,024 MiB)%n", after / 1048576.0);
        System.out.printf("  mean append time                %8.2f ms%n", appendMs);
        if (history.gpus().trackedGpus() != gpus) {
            throw new IllegalStateException("expected " + gpus + " GPUs in history, found "
                    + history.gpus().trackedGpus());
        }
        System.out.println("  (snapshot kept alive: " + one.gpuCount() + " GPUs)");
    }

    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
