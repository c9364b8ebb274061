package dev.fleetdeck.service.recording;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.alerts.AlertState;
import dev.fleetdeck.service.history.HistoryReader;
import dev.fleetdeck.service.idle.IdleReport;
import tools.jackson.core.type.TypeReference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recording opened for reading: one segment file, or a directory of them (the user's store). Segments that another
 * process is still writing are left out and named in {@link #skipped()}; a file that is not a recording is an error
 * naming it. Frames come back as {@link FleetFrame}s, the same object a live cycle hands out. The caller's thread, never
 * the FX thread; not shared between threads.
 */
public final class Recording implements AutoCloseable {
    /** When the recording starts and ends, and how many frames it holds. */
    public record Span(Instant first, Instant last, long frames) {
        public boolean contains(Instant at) {
            return !at.isBefore(first) && !at.isAfter(last);
        }

        @Override
        public String toString() {
            return first + " to " + last + " (" + frames + " frames)";
        }
    }

    /** Above this many GPUs a past frame carries no per-GPU series (reading them would slow every seek). */
    static final int MAX_GPUS_WITH_SERIES = 20_000;

    private final Path path;
    private final List<SegmentReader> segments = new ArrayList<>();
    private final List<Instant[]> spans = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final AlertSettings alertSettings;

    private Recording(Path path, AlertSettings alertSettings) {
        this.path = path;
        this.alertSettings = alertSettings;
    }

    /**
     * Opens a segment file or a directory of segments.
     *
     * @param alertSettings the rules replayed alerts are shown under (the recording keeps the alerts, not the rules)
     * @throws RecordingException when nothing there can be read, naming the path and why
     */
    public static Recording open(Path path, AlertSettings alertSettings) {
        Recording r = new Recording(path, alertSettings);
        try {
            if (Files.isDirectory(path)) {
                for (Path file : Segments.list(path)) {
                    try {
                        r.add(new SegmentReader(file));
                    } catch (RecordingException e) {
                        r.skipped.add(e.getMessage());
                    }
                }
                if (r.segments.isEmpty()) {
                    throw new RecordingException(path + ": no readable recording here"
                            + (r.skipped.isEmpty() ? "" : " (" + String.join("; ", r.skipped) + ")"));
                }
            } else {
                r.add(new SegmentReader(path));
            }
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private void add(SegmentReader reader) {
        Instant[] span = reader.span();
        if (span == null) {
            reader.close();
            skipped.add(reader.file() + ": holds no frame yet");
            return;
        }
        int at = 0;
        while (at < spans.size() && spans.get(at)[0].isBefore(span[0])) {
            at++;
        }
        segments.add(at, reader);
        spans.add(at, span);
    }

    public Path path() {
        return path;
    }

    /**
     * Catches up with a recording that is still being written: segments that appeared since are opened, and the
     * newest segment's end is read again. Cheap when nothing changed.
     */
    public void refresh() {
        if (!Files.isDirectory(path)) {
            if (!segments.isEmpty()) {
                Instant[] span = segments.getLast().span();
                if (span != null) {
                    spans.set(spans.size() - 1, span);
                }
            }
            return;
        }
        java.util.Set<Path> open = new java.util.HashSet<>();
        segments.forEach(s -> open.add(s.file()));
        skipped.clear();
        for (Path file : Segments.list(path)) {
            if (!open.contains(file)) {
                try {
                    add(new SegmentReader(file));
                } catch (RecordingException e) {
                    skipped.add(e.getMessage());
                }
            }
        }
        for (int i = Math.max(0, segments.size() - 2); i < segments.size(); i++) {
            Instant[] span = segments.get(i).span();
            if (span != null) {
                spans.set(i, span);
            }
        }
        java.util.Set<Path> present = new java.util.HashSet<>(Segments.list(path));
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (!present.contains(segments.get(i).file())) { // removed by retention
                segments.remove(i).close();
                spans.remove(i);
            }
        }
    }

    /** Segments left out, each with why (another process writes it, not a recording, empty). */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** The whole recording's span. */
    public Span span() {
        if (segments.isEmpty()) {
            throw new RecordingException(path + ": holds no frame");
        }
        long frames = 0;
        for (SegmentReader s : segments) {
            frames += s.frames().size();
        }
        return new Span(spans.getFirst()[0], spans.getLast()[1], frames);
    }

    /**
     * What happened, for the timeline's marks: the recorded events (XIDs, nodes going down, sources failing, rentals),
     * oldest first, the newest {@code max} of them.
     */
    public List<dev.fleetdeck.service.events.FleetEvent> events(int max) {
        java.util.LinkedHashSet<dev.fleetdeck.service.events.FleetEvent> all = new java.util.LinkedHashSet<>();
        for (SegmentReader s : segments) {
            all.addAll(s.events());
        }
        List<dev.fleetdeck.service.events.FleetEvent> out = new ArrayList<>(all);
        out.sort(java.util.Comparator.comparing(dev.fleetdeck.service.events.FleetEvent::at));
        return out.size() <= max ? out : List.copyOf(out.subList(out.size() - max, out.size()));
    }

    /** Every recorded moment, oldest first. */
    public List<Instant> moments() {
        List<Instant> out = new ArrayList<>();
        for (SegmentReader s : segments) {
            s.frames().forEach(f -> out.add(f.at()));
        }
        return out;
    }

    /**
     * The fleet as it was at {@code at}: the last frame recorded at or before it.
     *
     * @throws RecordingException when {@code at} lies outside the recording, naming its span
     */
    public FleetFrame frameAt(Instant at) {
        return frameAt(at, true);
    }

    /**
     * The frame at {@code at}; {@code withGpuSeries} false leaves the GPUs' last minutes out of its past (fast, for
     * a cursor being dragged: the fleet series are still there), true reads them too.
     */
    public FleetFrame frameAt(Instant at, boolean withGpuSeries) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (!spans.get(i)[0].isAfter(at)) {
                Optional<SegmentReader.FrameRef> ref = segments.get(i).frameAtOrBefore(at);
                if (ref.isPresent() && !at.isAfter(spans.get(i)[1].plus(gapAllowed(i)))) {
                    SegmentReader.Parts parts = segments.get(i).read(ref.get());
                    return build(parts, history(i, parts.snapshot(), withGpuSeries));
                }
                break;
            }
        }
        throw new RecordingException(at + " is outside the recording " + path + ", which spans " + span());
    }

    /** How long after a segment's last frame a moment still shows that frame: up to the next segment, or 1 min. */
    private Duration gapAllowed(int i) {
        return i + 1 < segments.size() ? Duration.between(spans.get(i)[1], spans.get(i + 1)[0])
                : Duration.ofMinutes(1);
    }

    /** What a past frame's charts read: the day's fleet series, and the GPUs' last minutes when the fleet is small. */
    private HistoryReader history(int segment, dev.fleetdeck.model.FleetSnapshot snap, boolean withGpuSeries) {
        Instant at = snap.takenAt();
        List<Map<String, dev.fleetdeck.service.history.Series>> fleet = new ArrayList<>();
        for (int i = 0; i <= segment; i++) {
            if (!spans.get(i)[1].isBefore(at.minus(RecordedHistory.FLEET_SPAN))) {
                fleet.add(segments.get(i).fleetSeries());
            }
        }
        Map<String, Map<dev.fleetdeck.service.history.GpuMetric, dev.fleetdeck.service.history.Series>> gpus =
                new HashMap<>();
        if (withGpuSeries && snap.gpuCount() <= MAX_GPUS_WITH_SERIES) {
            long from = at.minus(RecordedHistory.GPU_SPAN).toEpochMilli();
            for (int i = 0; i <= segment; i++) {
                if (!spans.get(i)[1].isBefore(at.minus(RecordedHistory.GPU_SPAN))) {
                    segments.get(i).gpuSeries(from, at.toEpochMilli()).forEach((k, v) -> gpus.merge(k, v,
                            Recording::joined));
                }
            }
        }
        return new RecordedHistory(at, fleet, gpus);
    }

    /** One GPU's series from two segments, the older first. */
    private static Map<dev.fleetdeck.service.history.GpuMetric, dev.fleetdeck.service.history.Series> joined(
            Map<dev.fleetdeck.service.history.GpuMetric, dev.fleetdeck.service.history.Series> a,
            Map<dev.fleetdeck.service.history.GpuMetric, dev.fleetdeck.service.history.Series> b) {
        Map<dev.fleetdeck.service.history.GpuMetric, dev.fleetdeck.service.history.Series> out =
                new java.util.EnumMap<>(dev.fleetdeck.service.history.GpuMetric.class);
        for (var e : a.entrySet()) {
            var s = e.getValue();
            var t = b.get(e.getKey());
            if (t == null) {
                out.put(e.getKey(), s);
                continue;
            }
            long[] times = java.util.Arrays.copyOf(s.epochMillis(), s.size() + t.size());
            System.arraycopy(t.epochMillis(), 0, times, s.size(), t.size());
            double[] v = java.util.Arrays.copyOf(s.values(), s.size() + t.size());
            System.arraycopy(t.values(), 0, v, s.size(), t.size());
            out.put(e.getKey(), new dev.fleetdeck.service.history.Series(s.key(), times, v, v, v));
        }
        return out;
    }

    private FleetFrame build(SegmentReader.Parts parts, HistoryReader history) {
        Map<String, Node> byKey = new HashMap<>();
        for (Node n : parts.snapshot().nodes()) {
            byKey.put(n.provider() + "/" + n.hostname(), n);
        }
        AlertState alerts = parts.alerts() == null ? AlertState.EMPTY
                : Json.read(parts.alerts(), new TypeReference<Documents.Alerts>() { }, path.toString())
                        .toState(alertSettings);
        IdleReport idle = parts.idle() == null ? IdleReport.EMPTY
                : Json.read(parts.idle(), new TypeReference<Documents.Idle>() { }, path.toString()).toReport(byKey);
        return new FleetFrame(parts.revision(), parts.snapshot(), alerts, idle, parts.events(), history);
    }

    @Override
    public void close() {
        segments.forEach(SegmentReader::close);
        segments.clear();
        spans.clear();
    }
}
