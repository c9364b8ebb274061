package dev.fleetdeck.bench;

import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.service.polling.SnapshotSanitizer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What the trust boundary costs per answer: {@link SnapshotSanitizer#clean} (escape every text, scrub every known
 * secret) over a clean simulated answer, with no secret known and with two secrets known (a cloud source beside the
 * fleet: every string is then searched for each of their forms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:ActiveProcessorCount=1", "-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class SnapshotSanitizerBenchmark {
    @Param({"10000", "100000"})
    public int gpus;

    @Param({"false", "true"})
    public boolean secretsKnown;

    private ProviderSnapshot answer;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        answer = BenchFleet.frames(gpus, 1).getFirst();
        if (secretsKnown) {
            Redaction.register("fdk-bench-secret-7f3a9c2e51b84d06");
            Redaction.registerPair("admin", "bench-password-0123");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Redaction.clearForTests();
    }

    @Benchmark
    public ProviderSnapshot clean() {
        return SnapshotSanitizer.clean(answer);
    }
}
