package dev.fleetdeck.cli;

import dev.fleetdeck.model.RecordingSettings;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.recording.Recorder;
import dev.fleetdeck.support.SimFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code export} writes the recorded series as CSV and Parquet that other tools read; a bad range names the span. */
class ExportCommandTest {
    private static final Duration STEP = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Six frames of 2 × 3 nodes × 8 GPUs; beta silent in frames 2 and 3 (no samples: a gap). */
    private List<FleetFrame> record(Path file) throws Exception {
        List<FleetFrame> live = new SimFrames(3, STEP).frames(6, 2, 4);
        try (Recorder recorder = Recorder.toFile(file, RecordingSettings.in(dir).withResolution(STEP),
                Clock.fixed(SimFrames.START, ZoneOffset.UTC))) {
            dev.fleetdeck.support.RecorderFeed.writeEach(recorder, live);
        }
        return live;
    }

    @Test
    void csvAndParquetHoldEveryRecordedGpuSampleNamedAndAGapHasNoRows() throws Exception {
        Path rec = dir.resolve("r.duckdb");
        List<FleetFrame> live = record(rec);
        String from = SimFrames.START.toString();
        String to = SimFrames.START.plus(Duration.ofMinutes(5)).toString();
        Path csv = dir.resolve("out/gpus.csv");
        assertEquals(0, run("export", "--recording", rec.toString(), "--from", from, "--to", to, "--out",
                csv.toString()), err.toString());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.getFirst().startsWith("time_utc,provider,node,gpu,uuid,model,utilization_pct"),
                lines.getFirst());
        int samples = 6 * 3 * 8 + (6 - 2) * 3 * 8; // alpha every frame, beta not while silent
        assertEquals(samples, lines.size() - 1, "one row per GPU sample");
        assertTrue(out.toString().contains("wrote " + samples + " rows of gpus"), out.toString());
        var first = live.getFirst().snapshot().nodes().stream()
                .filter(n -> n.provider().equals("alpha")).min(java.util.Comparator.comparing(
                        dev.fleetdeck.model.Node::hostname)).orElseThrow();
        String row = lines.get(1);
        assertTrue(row.contains("alpha," + first.hostname() + ",0," + first.gpus().getFirst().uuid() + ","
                + first.gpus().getFirst().model()), row);

        Path parquet = dir.resolve("cap.parquet");
        assertEquals(0, run("export", "--recording", rec.toString(), "--from", from, "--to", to, "--format",
                "parquet", "--series", "capacity", "--out", parquet.toString()), err.toString());
        try (var db = DriverManager.getConnection("jdbc:duckdb:"); var s = db.createStatement();
             var rs = s.executeQuery("SELECT count(DISTINCT time_utc), sum(total) FROM read_parquet('"
                     + parquet + "')")) {
            rs.next();
            assertEquals(6, rs.getLong(1), "a frame's capacity per frame");
            long totals = live.stream().mapToLong(f -> f.snapshot().detailed().stream()
                    .mapToLong(dev.fleetdeck.model.Capacity::total).sum()).sum();
            assertEquals(totals, rs.getLong(2));
        }
    }

    @Test
    void aRangeOutsideTheRecordingOrABadOptionIsAClearError() throws Exception {
        Path rec = dir.resolve("r.duckdb");
        record(rec);
        assertEquals(1, run("export", "--recording", rec.toString(), "--from", "2020-01-01T00:00:00Z", "--to",
                "2020-01-02T00:00:00Z", "--out", dir.resolve("x.csv").toString()));
        assertTrue(err.toString().contains("the recording spans " + SimFrames.START), err.toString());
        assertEquals(2, run("export", "--recording", rec.toString(), "--from", "-1h", "--format", "xlsx", "--out",
                dir.resolve("x.csv").toString()));
        assertTrue(err.toString().contains("--format must be one of [csv, parquet], not 'xlsx'"), err.toString());
        Path notRecording = Files.writeString(dir.resolve("notes.duckdb"), "hello\n");
        assertEquals(1, run("export", "--recording", notRecording.toString(), "--from", "-1h", "--out",
                dir.resolve("y.csv").toString()));
        assertTrue(err.toString().contains("notes.duckdb"), err.toString());
    }
}
