package dev.fleetdeck.service.recording;

import dev.fleetdeck.model.Capacity;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuProcess;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.ThrottleReason;
import dev.fleetdeck.service.FleetFrame;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes frames into one segment file, each frame in one transaction (a crash loses at most the frame being written,
 * and the file opens again: DuckDB replays its write-ahead log). Nodes and GPU descriptions are written when they
 * change; GPU metrics every frame, except for a source that stopped answering: its GPUs get no samples (a gap), so a
 * replay never shows its old values as new. Recorder thread only.
 */
final class SegmentWriter implements AutoCloseable {
    /** What a node row holds; written when it differs from the last one written for the node. */
    private record NodeRow(boolean present, String region, String model, String state, String tenant, double price,
                           String driver, String cuda, int expected, int allocated, String health,
                           List<HealthReason> reasons, int gpus) {
    }

    /** What a GPU description row holds. */
    private record GpuInfo(int index, String uuid, String model, double memTotal, double powerLimit, String mig,
                           List<HealthReason> reasons, List<GpuProcess> processes) {
    }

    private final Path file;
    private final DuckDBConnection db;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<NodeRow> lastNode = new ArrayList<>();
    private final List<GpuInfo[]> lastGpu = new ArrayList<>(); // by node id, then GPU position
    private final Map<String, String> lastDocument = new HashMap<>();
    private long frames;

    private SegmentWriter(Path file, DuckDBConnection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens (or creates) a segment for writing; an existing one keeps its node ids. */
    static SegmentWriter open(Path file, Duration resolution) {
        DuckDBConnection db = Segments.connect(file, false);
        try {
            // The tables and the format stamp in one transaction: a reader never sees a half-made recording.
            db.setAutoCommit(false);
            Segments.checkFormatOrEmpty(db, file);
            Schema.create(db, resolution.toString());
            SegmentWriter w = new SegmentWriter(file, db);
            w.loadIds();
            db.commit();
            return w;
        } catch (SQLException e) {
            Segments.closeQuietly(db);
            throw new RecordingException(file + ": cannot prepare the recording: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Segments.closeQuietly(db);
            throw e;
        }
    }

    private void loadIds() throws SQLException {
        try (Statement s = db.createStatement();
             var rs = s.executeQuery("SELECT id, any_value(provider), any_value(hostname) FROM nodes GROUP BY id"
                     + " ORDER BY id")) {
            while (rs.next()) {
                int id = rs.getInt(1);
                ids.put(rs.getString(2) + '\u0000' + rs.getString(3), id);
                while (lastNode.size() <= id) {
                    lastNode.add(null); // unknown: the next frame writes the node again
                }
            }
        }
    }

    Path file() {
        return file;
    }

    long frames() {
        return frames;
    }

    /** Writes one frame in one transaction. */
    void write(FleetFrame frame) throws SQLException {
        long t = frame.snapshot().takenAt().toEpochMilli();
        Set<String> gap = gappedProviders(frame.providers());
        BitSet seen = new BitSet();
        try (DuckDBAppender nodes = db.createAppender("nodes");
             DuckDBAppender info = db.createAppender("gpu_info");
             DuckDBAppender samples = db.createAppender("gpu_samples")) {
            for (Node n : frame.snapshot().nodes()) {
                int id = ids.computeIfAbsent(n.provider() + '\u0000' + n.hostname(), k -> ids.size());
                seen.set(id);
                NodeRow row = new NodeRow(true, n.region(), n.gpuModel(), n.state().name(), n.tenant().orElse(null),
                        n.pricePerGpuHour(), n.driverVersion(), n.cudaVersion(), n.expectedGpus(), n.allocatedGpus(),
                        n.health().name(), n.healthReasons(), n.gpus().size());
                if (!row.equals(get(lastNode, id))) {
                    appendNode(nodes, t, id, n.provider(), n.hostname(), row);
                    set(lastNode, id, row);
                }
                boolean sampled = !gap.contains(n.provider());
                GpuInfo[] known = get(lastGpu, id);
                if (known == null || known.length < n.gpus().size()) {
                    known = known == null ? new GpuInfo[n.gpus().size()]
                            : java.util.Arrays.copyOf(known, n.gpus().size());
                    set(lastGpu, id, known);
                }
                for (int pos = 0; pos < n.gpus().size(); pos++) {
                    Gpu g = n.gpus().get(pos);
                    GpuInfo gi = new GpuInfo(g.index(), g.uuid(), g.model(), g.memoryTotalMiB(), g.powerLimitW(),
                            g.migProfile(), g.healthReasons(), g.processes());
                    if (!gi.equals(known[pos])) {
                        appendInfo(info, t, id, pos, gi);
                        known[pos] = gi;
                    }
                    if (sampled) {
                        appendSample(samples, t, id, pos, g);
                    }
                }
            }
            for (int id = 0; id < lastNode.size(); id++) {
                NodeRow last = lastNode.get(id);
                if (last != null && last.present() && !seen.get(id)) {
                    String[] name = nameOf(id);
                    NodeRow gone = new NodeRow(false, last.region(), last.model(), last.state(), last.tenant(),
                            last.price(), last.driver(), last.cuda(), last.expected(), last.allocated(),
                            last.health(), last.reasons(), 0);
                    appendNode(nodes, t, id, name[0], name[1], gone);
                    lastNode.set(id, gone);
                }
            }
            nodes.flush();
            info.flush();
            samples.flush();
        }
        writeSmallParts(frame, t);
        db.commit();
        frames++;
    }

    private void writeSmallParts(FleetFrame frame, long t) throws SQLException {
        try (DuckDBAppender frames = db.createAppender("frames");
             DuckDBAppender capacity = db.createAppender("capacity");
             DuckDBAppender docs = db.createAppender("documents");
             DuckDBAppender series = db.createAppender("fleet_series")) {
            java.time.Instant at = frame.snapshot().takenAt();
            frames.beginRow().appendEpochMillis(t).append(frame.snapshot().sequence()).append(frame.revision())
                    .append(at.getEpochSecond() * 1_000_000_000L + at.getNano()).endRow();
            for (Capacity c : frame.snapshot().detailed()) {
                capacity.beginRow().appendEpochMillis(t).append(c.gpuModel()).append(c.region()).append(c.provider())
                        .append(c.total()).append(c.rented()).append(c.reserved()).append(c.free())
                        .append(c.unavailable()).append(c.sellable()).append(c.pricePerGpuHour()).endRow();
            }
            document(docs, t, Documents.PROVIDERS, Json.write(frame.providers()), true);
            document(docs, t, Documents.OFFERS, Json.write(frame.snapshot().market()), false);
            document(docs, t, Documents.ALERTS, Json.write(Documents.Alerts.of(frame.alerts())), false);
            document(docs, t, Documents.EVENTS, Json.write(frame.events()), false);
            document(docs, t, Documents.IDLE, Json.write(Documents.Idle.of(frame.idle())), false);
            for (Map.Entry<String, Double> e
                    : dev.fleetdeck.service.history.FleetSeries.sample(frame.snapshot()).entrySet()) {
                series.beginRow().appendEpochMillis(t).append(e.getKey()).append(e.getValue()).endRow();
            }
            frames.flush();
            capacity.flush();
            docs.flush();
            series.flush();
        }
    }

    private void document(DuckDBAppender docs, long t, String kind, String body, boolean always)
            throws SQLException {
        if (always || !body.equals(lastDocument.get(kind))) {
            docs.beginRow().appendEpochMillis(t).append(kind).append(body).endRow();
            lastDocument.put(kind, body);
        }
    }

    /** Sources whose nodes the assembler kept from an earlier poll: no new data, so no samples. */
    private static Set<String> gappedProviders(List<ProviderStatus> statuses) {
        Set<String> out = new java.util.HashSet<>();
        for (ProviderStatus s : statuses) {
            if (s.state().isTrouble() && s.state() != ProviderState.DEGRADED) {
                out.add(s.name());
            }
        }
        return out;
    }

    private static void appendNode(DuckDBAppender a, long t, int id, String provider, String host, NodeRow r)
            throws SQLException {
        a.beginRow().appendEpochMillis(t).append(id).append(r.present()).append(provider).append(host)
                .append(r.region()).append(r.model()).append(r.state());
        if (r.tenant() == null) {
            a.appendNull();
        } else {
            a.append(r.tenant());
        }
        a.append(r.price()).append(r.driver()).append(r.cuda()).append(r.expected()).append(r.allocated())
                .append(r.health()).append(Json.write(r.reasons())).append(r.gpus()).endRow();
    }

    private static void appendInfo(DuckDBAppender a, long t, int id, int pos, GpuInfo g) throws SQLException {
        a.beginRow().appendEpochMillis(t).append(id).append((short) pos).append(g.index()).append(g.uuid())
                .append(g.model()).append(g.memTotal()).append(g.powerLimit()).append(g.mig())
                .append(Json.write(g.reasons())).append(Json.write(g.processes())).endRow();
    }

    private static void appendSample(DuckDBAppender a, long t, int id, int pos, Gpu g) throws SQLException {
        a.beginRow().appendEpochMillis(t).append(id).append((short) pos).append(g.utilizationPct())
                .append(g.memoryUsedMiB()).append(g.temperatureC()).append(g.memoryTemperatureC()).append(g.powerW())
                .append(g.smClockMHz()).append(g.eccCorrected()).append(g.eccUncorrected()).append(g.lastXid())
                .append(throttleBits(g.throttleReasons())).append((byte) g.health().ordinal()).endRow();
    }

    static int throttleBits(Set<ThrottleReason> reasons) {
        int bits = 0;
        for (ThrottleReason r : reasons) {
            bits |= 1 << r.ordinal();
        }
        return bits;
    }

    private String[] nameOf(int id) {
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            if (e.getValue() == id) {
                return e.getKey().split("\u0000", 2);
            }
        }
        throw new IllegalStateException("no node " + id);
    }

    private static <T> T get(List<T> list, int i) {
        return i < list.size() ? list.get(i) : null;
    }

    private static <T> void set(List<T> list, int i, T value) {
        while (list.size() <= i) {
            list.add(null);
        }
        list.set(i, value);
    }

    /** Writes everything into the file itself (no write-ahead log left) and closes it. */
    void finish() throws SQLException {
        try (Statement s = db.createStatement()) {
            db.commit();
            s.execute("CHECKPOINT");
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        Segments.closeQuietly(db);
    }

    @Override
    public String toString() {
        return Objects.toString(file);
    }
}
