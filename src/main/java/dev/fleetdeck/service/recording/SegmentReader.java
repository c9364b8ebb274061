package dev.fleetdeck.service.recording;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuProcess;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.ThrottleReason;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.events.EventWindow;
import org.duckdb.DuckDBConnection;
import tools.jackson.core.type.TypeReference;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one segment: its span and the frame at a recorded moment, rebuilt from the node and GPU rows in force then
 * and the samples of that frame, summed up by the assembler's own code so capacity and totals are what the live frame
 * had. The caller's thread (never the FX thread); one reader per thread.
 */
final class SegmentReader implements AutoCloseable {
    private static final TypeReference<List<ProviderStatus>> STATUSES = new TypeReference<>() { };
    private static final TypeReference<List<Offer>> OFFERS = new TypeReference<>() { };

    /** A recorded moment: the frame's time and the numbers it had live. */
    record FrameRef(Instant at, long sequence, long revision) {
    }

    /** What a segment's frame holds besides the snapshot: the small parts as JSON. */
    record Parts(FleetSnapshot snapshot, long revision, String alerts, EventWindow events, String idle) {
    }

    private final Path file;
    private final DuckDBConnection db;
    private SegmentChanges changes;
    private long changeRows = -1;

    SegmentReader(Path file) {
        this.file = file;
        this.db = Segments.connect(file, true);
        try {
            Segments.checkFormat(db, file);
        } catch (SQLException | RuntimeException e) {
            Segments.closeQuietly(db);
            throw e instanceof RecordingException r ? r
                    : new RecordingException(file + ": unreadable: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** First and last frame and the frame count; null when the segment holds no frame. */
    Instant[] span() {
        try (var s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT min(at_ns), max(at_ns) FROM frames")) {
            rs.next();
            rs.getLong(1);
            return rs.wasNull() ? null : new Instant[] {nanos(rs.getLong(1)), nanos(rs.getLong(2))};
        } catch (SQLException e) {
            throw fail("cannot read its frames", e);
        }
    }

    /** Every recorded moment, oldest first. */
    List<FrameRef> frames() {
        List<FrameRef> out = new ArrayList<>();
        try (var s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT at_ns, seq, revision FROM frames ORDER BY t")) {
            while (rs.next()) {
                out.add(new FrameRef(nanos(rs.getLong(1)), rs.getLong(2), rs.getLong(3)));
            }
            return out;
        } catch (SQLException e) {
            throw fail("cannot read its frames", e);
        }
    }

    /** The last frame at or before {@code at}; empty when the segment starts later. */
    Optional<FrameRef> frameAtOrBefore(Instant at) {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT at_ns, seq, revision FROM frames WHERE t <= epoch_ms(?) ORDER BY t DESC LIMIT 1")) {
            p.setLong(1, at.toEpochMilli());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new FrameRef(nanos(rs.getLong(1)), rs.getLong(2), rs.getLong(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("cannot find a frame", e);
        }
    }

    /** Every event the segment's frames listed (each frame lists the newest ones), oldest first, without repeats. */
    List<dev.fleetdeck.service.events.FleetEvent> events() {
        java.util.LinkedHashSet<dev.fleetdeck.service.events.FleetEvent> out = new java.util.LinkedHashSet<>();
        try (var s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT body FROM documents WHERE kind = 'events' ORDER BY t")) {
            while (rs.next()) {
                out.addAll(Json.read(rs.getString(1), new TypeReference<EventWindow>() { }, where()).latest());
            }
        } catch (SQLException e) {
            throw fail("cannot read its events", e);
        }
        List<dev.fleetdeck.service.events.FleetEvent> sorted = new ArrayList<>(out);
        sorted.sort(java.util.Comparator.comparing(dev.fleetdeck.service.events.FleetEvent::at));
        return sorted;
    }

    /** Rebuilds the frame recorded at {@code ref}. */
    Parts read(FrameRef ref) {
        long t = ref.at().toEpochMilli();
        try {
            Map<Long, double[]> sampled = new HashMap<>();
            Map<Long, int[]> codes = new HashMap<>();
            samples(t, sampled, codes);
            List<Node> nodes = nodes(t, sampled, codes);
            List<ProviderStatus> statuses = Json.read(document(t, Documents.PROVIDERS, "[]"), STATUSES, where());
            List<Offer> offers = Json.read(document(t, Documents.OFFERS, "[]"), OFFERS, where());
            FleetSnapshot snap = FleetAssembler.summarise(ref.sequence(), ref.at(), nodes, statuses, offers);
            EventWindow events = Json.read(document(t, Documents.EVENTS, "{\"latest\":[],\"total\":0}"),
                    new TypeReference<EventWindow>() { }, where());
            return new Parts(snap, ref.revision(), document(t, Documents.ALERTS, null), events,
                    document(t, Documents.IDLE, null));
        } catch (SQLException e) {
            throw fail("cannot rebuild the frame at " + ref.at(), e);
        }
    }

    private void samples(long t, Map<Long, double[]> values, Map<Long, int[]> codes) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT node, pos, util, mem_used, temp, mem_temp, power,"
                + " sm_clock, ecc_corr, ecc_uncorr, xid, throttle, health FROM gpu_samples WHERE t = epoch_ms(?)")) {
            p.setLong(1, t);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long key = ((long) rs.getInt(1) << 16) | rs.getShort(2);
                    double[] v = new double[8];
                    for (int i = 0; i < 8; i++) {
                        v[i] = number(rs, 3 + i);
                    }
                    values.put(key, v);
                    codes.put(key, new int[] {rs.getInt(11), rs.getInt(12), rs.getByte(13)});
                }
            }
        }
    }

    private List<Node> nodes(long t, Map<Long, double[]> sampled, Map<Long, int[]> codes) throws SQLException {
        long rows = changeRows();
        if (changes == null || rows != changeRows) { // a segment still being written grows
            changes = new SegmentChanges(db, file);
            changeRows = rows;
        }
        List<Node> out = new ArrayList<>();
        for (Map.Entry<Integer, SegmentChanges.NodeInfo> e : changes.nodesAt(t)) {
            int id = e.getKey();
            SegmentChanges.NodeInfo n = e.getValue();
            List<Gpu> gpus = new ArrayList<>(n.gpus());
            for (int pos = 0; pos < n.gpus(); pos++) {
                long key = ((long) id << 16) | pos;
                Gpu info = changes.gpuAt(key, t);
                if (info == null) {
                    throw fail("node " + n.hostname() + " GPU " + pos + " has no description", null);
                }
                gpus.add(withSample(info, sampled.get(key), codes.get(key)));
            }
            out.add(n.with(gpus));
        }
        return out;
    }

    private Map<String, dev.fleetdeck.service.history.Series> fleet;
    private int fleetFrames = -1;

    /** The segment's fleet series (read once; again when a segment still being written has grown). */
    Map<String, dev.fleetdeck.service.history.Series> fleetSeries() {
        try {
            int n = frames().size();
            if (fleet == null || n != fleetFrames) {
                fleet = SegmentSeries.fleet(db);
                fleetFrames = n;
            }
            return fleet;
        } catch (SQLException e) {
            throw fail("cannot read its fleet series", e);
        }
    }

    /** Each GPU's series in [{@code from}, {@code to}] (epoch ms), keyed {@code provider/hostname#index}. */
    Map<String, Map<dev.fleetdeck.service.history.GpuMetric, dev.fleetdeck.service.history.Series>> gpuSeries(
            long from, long to) {
        try {
            long rows = changeRows();
            if (changes == null || rows != changeRows) {
                changes = new SegmentChanges(db, file);
                changeRows = rows;
            }
            return SegmentSeries.gpus(db, changes, from, to);
        } catch (SQLException e) {
            throw fail("cannot read its GPU series", e);
        }
    }

    private long changeRows() throws SQLException {
        try (var s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM nodes) + (SELECT count(*) FROM gpu_info)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A GPU's description with this frame's sample; without one (a gap) every metric is absent. */
    private static Gpu withSample(Gpu info, double[] v, int[] c) {
        if (v == null) {
            return info;
        }
        Set<ThrottleReason> throttle = EnumSet.noneOf(ThrottleReason.class);
        for (ThrottleReason r : ThrottleReason.values()) {
            if ((c[1] & (1 << r.ordinal())) != 0) {
                throttle.add(r);
            }
        }
        return new Gpu(info.index(), info.uuid(), info.model(), v[0], v[1], info.memoryTotalMiB(), v[2], v[3], v[4],
                info.powerLimitW(), v[5], v[6], v[7], c[0], throttle, info.migProfile(), Health.values()[c[2]],
                info.healthReasons(), info.processes());
    }

    private String document(long t, String kind, String fallback) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT body FROM documents WHERE kind = ? AND t <= epoch_ms(?) ORDER BY t DESC LIMIT 1")) {
            p.setString(1, kind);
            p.setLong(2, t);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : fallback;
            }
        }
    }

    private static double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Metrics.ABSENT : v;
    }

    private static Instant nanos(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    private String where() {
        return file.toString();
    }

    private RecordingException fail(String what, Exception e) {
        return new RecordingException(file + ": " + what + (e == null ? "" : ": " + Segments.firstLine(
                String.valueOf(e.getMessage()))), e);
    }

    @Override
    public void close() {
        Segments.closeQuietly(db);
    }
}
