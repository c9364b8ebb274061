package dev.fleetdeck.service.recording;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuProcess;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import org.duckdb.DuckDBConnection;
import tools.jackson.core.type.TypeReference;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A sealed segment's node and GPU descriptions, every version of each, read once: they change seldom, so a seek
 * picks the version in force from memory instead of asking DuckDB for 100,000 descriptions each time. Repeated JSON
 * (most GPUs have no health reason and no process) is parsed once. The reader's thread.
 */
final class SegmentChanges {
    private static final TypeReference<List<HealthReason>> REASONS = new TypeReference<>() { };
    private static final TypeReference<List<GpuProcess>> PROCESSES = new TypeReference<>() { };

    /** A node row without its GPUs. */
    record NodeInfo(boolean present, String provider, String hostname, String region, String model, NodeState state,
                    Optional<String> tenant, double price, String driver, String cuda, int expected, int allocated,
                    Health health, List<HealthReason> reasons, int gpus) {
        Node with(List<Gpu> gpuList) {
            return new Node(hostname, provider, region, model, state, tenant, price, driver, cuda, expected, gpuList,
                    health, reasons, allocated);
        }
    }

    private final TreeMap<Integer, TreeMap<Long, NodeInfo>> nodes = new TreeMap<>();
    private final Map<Long, TreeMap<Long, Gpu>> gpus = new HashMap<>();
    private final Map<String, List<HealthReason>> reasonCache = new HashMap<>();
    private final Map<String, List<GpuProcess>> processCache = new HashMap<>();
    private final String where;

    SegmentChanges(DuckDBConnection db, Path file) throws SQLException {
        this.where = file.toString();
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT epoch_ms(t), id, present, provider, hostname, region, model,"
                    + " state, tenant, price, driver, cuda, expected, allocated, health, reasons, gpus FROM nodes")) {
                while (rs.next()) {
                    double price = rs.getDouble(10);
                    price = rs.wasNull() ? Metrics.ABSENT : price; // (wasNull speaks of the last column read)
                    NodeInfo n = new NodeInfo(rs.getBoolean(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), NodeState.valueOf(rs.getString(8)), Optional.ofNullable(rs.getString(9)),
                            price, rs.getString(11), rs.getString(12), rs.getInt(13),
                            rs.getInt(14), Health.valueOf(rs.getString(15)), reasons(rs.getString(16)),
                            rs.getInt(17));
                    nodes.computeIfAbsent(rs.getInt(2), k -> new TreeMap<>()).put(rs.getLong(1), n);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT epoch_ms(t), node, pos, idx, uuid, model, mem_total,"
                    + " power_limit, mig, reasons, processes FROM gpu_info")) {
                while (rs.next()) {
                    long key = ((long) rs.getInt(2) << 16) | rs.getShort(3);
                    Gpu g = new Gpu(rs.getInt(4), rs.getString(5), rs.getString(6), Metrics.ABSENT, Metrics.ABSENT,
                            rs.getDouble(7), Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT, rs.getDouble(8),
                            Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT, 0, java.util.Set.of(), rs.getString(9),
                            Health.UNKNOWN, reasons(rs.getString(10)), processes(rs.getString(11)));
                    gpus.computeIfAbsent(key, k -> new TreeMap<>()).put(rs.getLong(1), g);
                }
            }
        }
    }

    private List<HealthReason> reasons(String json) {
        return reasonCache.computeIfAbsent(json, j -> Json.read(j, REASONS, where));
    }

    private List<GpuProcess> processes(String json) {
        return processCache.computeIfAbsent(json, j -> Json.read(j, PROCESSES, where));
    }

    /** The nodes present at {@code epochMillis}, in the order they were first seen, with their rows then. */
    List<Map.Entry<Integer, NodeInfo>> nodesAt(long epochMillis) {
        List<Map.Entry<Integer, NodeInfo>> out = new ArrayList<>();
        for (Map.Entry<Integer, TreeMap<Long, NodeInfo>> e : nodes.entrySet()) {
            Map.Entry<Long, NodeInfo> v = e.getValue().floorEntry(epochMillis);
            if (v != null && v.getValue().present()) {
                out.add(Map.entry(e.getKey(), v.getValue()));
            }
        }
        return out;
    }

    /** A GPU's description in force at {@code epochMillis}, or null. */
    Gpu gpuAt(long key, long epochMillis) {
        TreeMap<Long, Gpu> versions = gpus.get(key);
        Map.Entry<Long, Gpu> v = versions == null ? null : versions.floorEntry(epochMillis);
        return v == null ? null : v.getValue();
    }
}
