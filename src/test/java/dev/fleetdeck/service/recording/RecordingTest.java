package dev.fleetdeck.service.recording;

import dev.fleetdeck.model.RecordingSettings;
import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.support.SimFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frames recorded to DuckDB come back as they were; bad files give errors that name them. */
class RecordingTest {
    private static final Duration STEP = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** Writes every frame (waiting for each, so none is coalesced away) and closes the recorder. */
    static void record(Recorder recorder, List<FleetFrame> frames) throws InterruptedException {
        dev.fleetdeck.support.RecorderFeed.writeEach(recorder, frames);
    }

    @Test
    void everyRecordedFrameComesBackValueByValueAndASilentSourceIsAGap() throws Exception {
        List<FleetFrame> live = new SimFrames(24, STEP).frames(30, 12, 18);
        Path file = dir.resolve("demo.duckdb");
        try (Recorder recorder = Recorder.toFile(file, RecordingSettings.in(dir).withResolution(STEP),
                Clock.fixed(SimFrames.START, ZoneOffset.UTC))) {
            record(recorder, live);
        }
        assertTrue(live.stream().anyMatch(f -> !f.alerts().open().isEmpty()), "the run has alerts to compare");
        assertTrue(live.stream().anyMatch(f -> f.events().total() > 0), "and events");
        try (Recording rec = Recording.open(file, AlertSettings.defaults())) {
            assertEquals(30, rec.span().frames());
            assertEquals(live.getFirst().snapshot().takenAt(), rec.span().first());
            for (int i = 0; i < live.size(); i++) {
                FleetFrame want = live.get(i);
                FleetFrame got = rec.frameAt(want.snapshot().takenAt().plusSeconds(3)); // between two frames
                assertEquals(want.alerts().open(), got.alerts().open(), "open alerts of frame " + i);
                assertEquals(want.alerts().past(), got.alerts().past(), "past alerts of frame " + i);
                assertEquals(want.events(), got.events(), "events of frame " + i);
                assertEquals(want.idle(), got.idle(), "idle report of frame " + i);
                assertEquals(want.snapshot().providers(), got.snapshot().providers(), "statuses of frame " + i);
                if (i < 12 || i >= 18) {
                    assertEquals(want.snapshot(), got.snapshot(), "frame " + i + " value by value");
                } else {
                    assertGap(want, got, i);
                }
            }
        }
    }

    /** While beta was silent the live frame repeated its old values; the recording holds no values for it. */
    private static void assertGap(FleetFrame live, FleetFrame replayed, int i) {
        List<Node> liveBeta = live.snapshot().nodes().stream().filter(n -> n.provider().equals("beta")).toList();
        List<Node> gotBeta = replayed.snapshot().nodes().stream().filter(n -> n.provider().equals("beta")).toList();
        assertEquals(liveBeta.size(), gotBeta.size());
        assertTrue(liveBeta.stream().flatMap(n -> n.gpus().stream()).anyMatch(g -> Metrics.isPresent(g.temperatureC())),
                "live shows old values");
        for (int n = 0; n < gotBeta.size(); n++) {
            assertEquals(liveBeta.get(n).state(), gotBeta.get(n).state());
            assertEquals(liveBeta.get(n).healthReasons(), gotBeta.get(n).healthReasons(), "stale reason kept");
            for (Gpu g : gotBeta.get(n).gpus()) {
                assertFalse(Metrics.isPresent(g.temperatureC()), "frame " + i + ": no old value replayed");
                assertFalse(Metrics.isPresent(g.utilizationPct()));
            }
        }
        List<Node> liveAlpha = live.snapshot().nodes().stream().filter(n -> n.provider().equals("alpha")).toList();
        assertEquals(liveAlpha, replayed.snapshot().nodes().stream().filter(n -> n.provider().equals("alpha")).toList());
        assertNotEquals(live.snapshot().totals(), replayed.snapshot().totals());
    }

    @Test
    void aMomentOutsideTheRecordingNamesItsSpan() throws Exception {
        Path file = dir.resolve("short.duckdb");
        try (Recorder recorder = Recorder.toFile(file, RecordingSettings.in(dir).withResolution(STEP),
                Clock.systemUTC())) {
            record(recorder, new SimFrames(2, STEP).frames(3, 0, 0));
        }
        try (Recording rec = Recording.open(file, AlertSettings.defaults())) {
            RecordingException e = assertThrows(RecordingException.class,
                    () -> rec.frameAt(SimFrames.START.minusSeconds(3600)));
            assertTrue(e.getMessage().contains("outside the recording"), e.getMessage());
            assertTrue(e.getMessage().contains(SimFrames.START.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("3 frames"), e.getMessage());
            assertThrows(RecordingException.class, () -> rec.frameAt(SimFrames.START.plus(Duration.ofHours(2))));
        }
    }

    @Test
    void filesThatAreNotRecordingsAreRefusedByName() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.duckdb"), "not a database at all\n".repeat(200));
        RecordingException e = assertThrows(RecordingException.class,
                () -> Recording.open(text, AlertSettings.defaults()));
        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a recording"), e.getMessage());

        Path foreign = dir.resolve("sales.duckdb");
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + foreign); var s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id INTEGER)");
        }
        e = assertThrows(RecordingException.class, () -> Recording.open(foreign, AlertSettings.defaults()));
        assertTrue(e.getMessage().contains(foreign.toString()) && e.getMessage().contains("not a FleetDeck recording"),
                e.getMessage());

        Path fifo = dir.resolve("pipe.duckdb");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        e = assertThrows(RecordingException.class, () -> Recording.open(fifo, AlertSettings.defaults()));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());

        e = assertThrows(RecordingException.class, () -> Recording.open(dir.resolve("none"), AlertSettings.defaults()));
        assertTrue(e.getMessage().contains("no such recording") || e.getMessage().contains("no readable"),
                e.getMessage());
    }

    @Test
    void sealedSegmentsAreReadableWhileTheCurrentOneIsWritten() throws Exception {
        RecordingSettings settings = RecordingSettings.in(dir).withResolution(Duration.ofSeconds(1))
                .withSegment(Duration.ofSeconds(5));
        List<FleetFrame> frames = new SimFrames(2, Duration.ofSeconds(1)).frames(12, 0, 0);
        try (Recorder recorder = Recorder.start(settings, Clock.fixed(SimFrames.START, ZoneOffset.UTC))) {
            record(recorder, frames);
            assertEquals(3, recorder.segments().size(), recorder.segments().toString());
            try (Recording rec = Recording.open(dir, AlertSettings.defaults())) {
                // In the recording process the open segment is read through the writer's own database.
                assertEquals(12, rec.span().frames(), "two sealed segments of 5 frames and the open one");
                assertEquals(List.of(), rec.skipped());
                assertEquals(frames.get(7).snapshot(), rec.frameAt(frames.get(7).snapshot().takenAt()).snapshot());
            }
        }
        try (Recording rec = Recording.open(dir, AlertSettings.defaults())) {
            assertEquals(12, rec.span().frames(), "sealed on close");
            assertEquals(List.of(), rec.skipped());
        }
    }

    @Test
    void retentionRemovesOldSegmentsThenTheOldestOverTheSizeLimit() throws Exception {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        RecordingSettings settings = new RecordingSettings(true, dir, STEP, Duration.ofDays(2), 16L << 20, 0,
                Duration.ofHours(1));
        Path old = Files.write(Segments.fileFor(dir, now.minus(Duration.ofDays(3)), Duration.ofHours(1)), new byte[10]);
        Path a = Files.write(Segments.fileFor(dir, now.minus(Duration.ofHours(5)), Duration.ofHours(1)),
                new byte[10 << 20]);
        Path b = Files.write(Segments.fileFor(dir, now.minus(Duration.ofHours(4)), Duration.ofHours(1)),
                new byte[10 << 20]);
        Path current = Files.write(Segments.fileFor(dir, now, Duration.ofHours(1)), new byte[1 << 20]);
        Files.writeString(dir.resolve("keep-me.txt"), "not a segment");
        assertEquals(List.of(old, a), Retention.apply(settings, now, current));
        assertTrue(Files.exists(b) && Files.exists(current) && Files.exists(dir.resolve("keep-me.txt")));
    }

    @Test
    void aFullDiskPausesRecordingAndSaysSoWhileFramesKeepComing() throws Exception {
        RecordingSettings full = RecordingSettings.in(dir).withResolution(Duration.ofSeconds(1))
                .withMinFreeBytes(Long.MAX_VALUE);
        List<FleetFrame> frames = new SimFrames(2, Duration.ofSeconds(1)).frames(3, 0, 0);
        try (Recorder recorder = Recorder.start(full, Clock.systemUTC())) {
            for (FleetFrame f : frames) {
                recorder.accept(f);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (recorder.status().problem().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Recorder.Status s = recorder.status();
            assertFalse(s.recording());
            assertTrue(s.problem().orElseThrow().startsWith("disk full: recording paused"), s.toString());
            assertTrue(s.problem().orElseThrow().contains(dir.toString()), "names where");
            assertEquals(0, s.framesWritten());
        }
        assertEquals(List.of(), Segments.list(dir), "nothing half-written");
    }

    @Test
    void aReplayedFrameCarriesItsPastForTheCharts() throws Exception {
        List<FleetFrame> live = new SimFrames(6, STEP).frames(20, 0, 0);
        Path file = dir.resolve("past.duckdb");
        try (Recorder recorder = Recorder.toFile(file, RecordingSettings.in(dir).withResolution(STEP),
                Clock.fixed(SimFrames.START, ZoneOffset.UTC))) {
            record(recorder, live);
        }
        FleetFrame last = live.getLast();
        try (Recording rec = Recording.open(file, AlertSettings.defaults())) {
            FleetFrame past = rec.frameAt(last.snapshot().takenAt());
            var power = past.history().fleet(dev.fleetdeck.service.history.FleetSeries.POWER_KW, Duration.ofHours(1),
                    past.snapshot().takenAt());
            assertEquals(20, power.size(), "one fleet sample per recorded frame");
            for (int i = 0; i < live.size(); i++) {
                assertEquals(live.get(i).snapshot().totals().powerKw(), power.values()[i], 1e-9, "power of frame " + i);
                assertEquals(live.get(i).snapshot().takenAt().toEpochMilli(), power.epochMillis()[i]);
            }
            Node node = last.snapshot().nodes().getFirst();
            var temps = past.history().gpu(node.provider(), node.hostname(), node.gpus().getFirst().index(),
                    dev.fleetdeck.service.history.GpuMetric.TEMPERATURE_C, Duration.ofMinutes(5));
            assertEquals(last.snapshot().takenAt().toEpochMilli(), temps.epochMillis()[temps.size() - 1]);
            assertEquals(node.gpus().getFirst().temperatureC(), temps.values()[temps.size() - 1], 1e-9);
            assertEquals(20, temps.size(), "every sample of the last 5 min (20 frames, 10 s apart: 190 s)");
            FleetFrame earlier = rec.frameAt(live.get(5).snapshot().takenAt());
            assertEquals(6, earlier.history().fleet(dev.fleetdeck.service.history.FleetSeries.POWER_KW,
                    Duration.ofHours(1), earlier.snapshot().takenAt()).size(), "nothing from after the frame");
        }
    }
}
