package dev.fleetdeck.bench;

import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.prom.dcgm.DcgmCollector;
import dev.fleetdeck.provider.prom.dcgm.LabelMapping;
import dev.fleetdeck.provider.prom.expo.ExpositionParser;
import dev.fleetdeck.provider.prom.expo.ParseException;
import dev.fleetdeck.provider.sim.DcgmExpositionWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parses a dcgm-exporter exposition of 1,000 nodes × 8 GPUs (the simulated fleet as the exporter writes it).
 * {@code parse} is the parser alone (every sample's value consumed); {@code parseAndCollect} also turns the series
 * into nodes and GPUs, as the dcgm provider does. Throughput in MB/s = body size / time, printed at teardown.
 * Budget (DESIGN.md): ≥ 300 MB/s on one core for the parser.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:ActiveProcessorCount=1", "-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ExpositionParseBenchmark {
    private byte[] body;
    private final ExpositionParser parser = new ExpositionParser(false);

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        ProviderSnapshot frame = BenchFleet.frames(8_000, 1).getFirst();
        body = DcgmExpositionWriter.write(frame.nodes());
        System.out.printf("%nexposition: %,d nodes, %,d bytes (%.1f MB)%n", frame.nodes().size(), body.length,
                body.length / 1e6);
    }

    @Benchmark
    public double parse(Blackhole bh) throws ParseException {
        double[] sum = {0};
        long n = parser.parse(body, body.length, "bench", s -> sum[0] += s.value());
        bh.consume(n);
        return sum[0];
    }

    @Benchmark
    public Object parseAndCollect() throws ParseException {
        DcgmCollector c = new DcgmCollector(LabelMapping.defaults(), "bench", Map.of());
        parser.parse(body, body.length, "bench", c);
        return c.nodes("bench", new HashMap<>());
    }

    @TearDown(Level.Trial)
    public void size() {
        System.out.printf("%nbody %,d bytes: MB/s = %,d / (ms per op × 1000)%n", body.length, body.length);
    }
}
