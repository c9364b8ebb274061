package dev.fleetdeck.service.recording;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.RecordingSettings;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.support.SettableClock;
import dev.fleetdeck.support.SimFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Old segments are thinned to one frame a minute after a day and one per ten minutes after a week, on a short clock. */
class DownsamplingTest {
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final Duration SEGMENT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    /** 36 frames 10 s apart (6 minutes, three 2-minute segments); beta silent for the whole minute 03:02. */
    private List<FleetFrame> recordSixMinutes() throws Exception {
        List<FleetFrame> live = new SimFrames(4, STEP).frames(36, 12, 18);
        RecordingSettings settings = RecordingSettings.in(dir).withResolution(STEP).withSegment(SEGMENT);
        try (Recorder recorder = Recorder.start(settings, Clock.fixed(SimFrames.START, ZoneOffset.UTC))) {
            RecordingTest.record(recorder, live);
        }
        assertEquals(3, Segments.list(dir).size());
        return live;
    }

    @Test
    void afterADayEachMinuteKeepsItsLastFrameWithTheMinutesPeaksAndAverages() throws Exception {
        List<FleetFrame> live = recordSixMinutes();
        Instant end = SimFrames.START.plus(Duration.ofMinutes(6));
        assertEquals(List.of(), Downsampler.apply(dir, SEGMENT, end.plus(Duration.ofHours(23))), "a day not over yet");
        assertEquals(Segments.list(dir), Downsampler.apply(dir, SEGMENT, end.plus(Duration.ofDays(2))));
        assertEquals(List.of(), Downsampler.apply(dir, SEGMENT, end.plus(Duration.ofDays(2))), "done once");

        try (Recording rec = Recording.open(dir, AlertSettings.defaults())) {
            assertEquals(6, rec.span().frames(), "one frame per minute");
            for (int minute = 0; minute < 6; minute++) {
                List<FleetFrame> of = live.subList(minute * 6, minute * 6 + 6);
                FleetFrame kept = rec.frameAt(of.getLast().snapshot().takenAt().plusSeconds(5));
                assertEquals(of.getLast().snapshot().takenAt(), kept.snapshot().takenAt(), "the minute's last frame");
                assertEquals(of.getLast().alerts().open(), kept.alerts().open(), "its alerts");
                for (Node n : kept.snapshot().nodes()) {
                    for (int pos = 0; pos < n.gpus().size(); pos++) {
                        Gpu got = n.gpus().get(pos);
                        double[] temps = values(of, n, pos, true);
                        double[] utils = values(of, n, pos, false);
                        if (minute == 2 && n.provider().equals("beta")) {
                            assertFalse(Metrics.isPresent(got.temperatureC()), "a silent minute stays a gap");
                            continue;
                        }
                        assertEquals(java.util.Arrays.stream(temps).max().orElseThrow(), got.temperatureC(), 1e-9,
                                n.hostname() + " GPU " + pos + ": the minute's hottest");
                        assertEquals(java.util.Arrays.stream(utils).average().orElseThrow(), got.utilizationPct(),
                                1e-9, "the minute's mean utilisation");
                    }
                }
            }
        }
    }

    @Test
    void afterAWeekTenMinutesMakeOneFrameAndARecorderOnAShortClockThinsByItself() throws Exception {
        List<FleetFrame> live = recordSixMinutes();
        SettableClock clock = new SettableClock(SimFrames.START.plus(Duration.ofDays(8)));
        RecordingSettings settings = RecordingSettings.in(dir).withResolution(STEP).withSegment(SEGMENT);
        // A week later the recorder starts a new segment: the three old ones are thinned on its sealing thread.
        FleetFrame later = new SimFrames(4, STEP).frames(1, 0, 0).getFirst();
        try (Recorder recorder = Recorder.start(settings, clock)) {
            RecordingTest.record(recorder, List.of(laterBy(later, Duration.ofDays(8))));
        }
        try (Recording rec = Recording.open(dir, AlertSettings.defaults())) {
            assertEquals(3 + 1, rec.span().frames(), "one frame per old segment (10 min > 2 min), and the new one");
            assertEquals(live.get(11).snapshot().takenAt(), rec.frameAt(SimFrames.START.plusSeconds(150))
                    .snapshot().takenAt(), "the first segment's last frame");
        }
        assertFalse(Files.list(dir).anyMatch(p -> p.toString().endsWith(".thinning")), "nothing left over");
    }

    @Test
    void youngOrUnsealedSegmentsAreLeftAlone() throws Exception {
        assertNull(Downsampler.stepFor(Instant.EPOCH, Instant.EPOCH.plus(Duration.ofHours(23))));
        assertEquals(Downsampler.FIRST_STEP, Downsampler.stepFor(Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(2))));
        assertEquals(Downsampler.SECOND_STEP,
                Downsampler.stepFor(Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(8))));
        Path open = dir.resolve("open.duckdb");
        try (SegmentWriter w = SegmentWriter.open(open, STEP)) {
            w.write(new SimFrames(2, STEP).frames(1, 0, 0).getFirst());
            assertFalse(Downsampler.downsample(open, Downsampler.FIRST_STEP), "not sealed: still being written");
        }
    }

    @Test
    void aClosedStartGateHoldsTheFirstWriteUntilReleased() throws Exception {
        StartGate gate = StartGate.closed();
        RecordingSettings settings = RecordingSettings.in(dir).withResolution(STEP);
        try (Recorder recorder = Recorder.start(settings, Clock.systemUTC(), gate)) {
            recorder.accept(new SimFrames(2, STEP).frames(1, 0, 0).getFirst());
            Thread.sleep(300);
            assertEquals(0, recorder.status().framesWritten(), "held");
            assertEquals(List.of(), Segments.list(dir), "DuckDB not touched yet");
            gate.release();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (recorder.status().framesWritten() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, recorder.status().framesWritten(), "the frame that waited is written");
        }
        assertTrue(gate.isOpen());
    }

    private static double[] values(List<FleetFrame> frames, Node node, int pos, boolean temperature) {
        return frames.stream().flatMap(f -> f.snapshot().nodes().stream())
                .filter(n -> n.provider().equals(node.provider()) && n.hostname().equals(node.hostname()))
                .filter(n -> n.gpus().size() > pos)
                .mapToDouble(n -> temperature ? n.gpus().get(pos).temperatureC() : n.gpus().get(pos).utilizationPct())
                .filter(Metrics::isPresent).toArray();
    }

    private static FleetFrame laterBy(FleetFrame f, Duration by) {
        dev.fleetdeck.model.FleetSnapshot s = f.snapshot();
        return new FleetFrame(f.revision(), new dev.fleetdeck.model.FleetSnapshot(s.sequence(), s.takenAt().plus(by),
                s.nodes(), s.providers(), s.byModel(), s.byRegion(), s.detailed(), s.totals(), s.market()), f.alerts(),
                f.idle(), f.events(), f.history());
    }
}
