package dev.fleetdeck.service.recording;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.service.history.GpuMetric;
import dev.fleetdeck.service.history.Series;
import org.duckdb.DuckDBConnection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Time series out of one segment, for the charts of a past frame: the fleet-wide trends recorded with every frame
 * ({@code fleet_series}), and each GPU's metrics over a stretch of time ({@code gpu_samples}, columnar). The calling
 * (time-travel) thread.
 */
final class SegmentSeries {
    private SegmentSeries() {
    }

    /** Every fleet series of the segment, oldest first; empty for a recording made before they were kept. */
    static Map<String, Series> fleet(DuckDBConnection db) throws SQLException {
        Map<String, List<double[]>> rows = new HashMap<>();
        try (var s = db.createStatement()) {
            try (ResultSet exists = s.executeQuery("SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_name = 'fleet_series'")) {
                exists.next();
                if (exists.getLong(1) == 0) {
                    return Map.of();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT key, epoch_ms(t), value FROM fleet_series ORDER BY key, t")) {
                while (rs.next()) {
                    double v = rs.getDouble(3);
                    rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new double[] {rs.getLong(2), rs.wasNull() ? Double.NaN : v});
                }
            }
        }
        Map<String, Series> out = new HashMap<>();
        rows.forEach((key, list) -> out.put(key, series(key, list)));
        return out;
    }

    /**
     * Each GPU's utilisation, memory used, temperature and power in [{@code from}, {@code to}] (epoch ms), keyed
     * {@code provider/hostname#index}.
     */
    static Map<String, Map<GpuMetric, Series>> gpus(DuckDBConnection db, SegmentChanges changes, long from, long to)
            throws SQLException {
        Map<Long, List<double[]>> rows = new HashMap<>();
        try (PreparedStatement p = db.prepareStatement("SELECT node, pos, epoch_ms(t), util, mem_used, temp, power"
                + " FROM gpu_samples WHERE t BETWEEN epoch_ms(?) AND epoch_ms(?) ORDER BY node, pos, t")) {
            p.setLong(1, from);
            p.setLong(2, to);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long key = ((long) rs.getInt(1) << 16) | rs.getShort(2);
                    double[] r = new double[5];
                    r[0] = rs.getLong(3);
                    for (int i = 0; i < 4; i++) {
                        double v = rs.getDouble(4 + i);
                        r[1 + i] = rs.wasNull() ? Double.NaN : v;
                    }
                    rows.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                }
            }
        }
        Map<Integer, String> names = new HashMap<>();
        for (Map.Entry<Integer, SegmentChanges.NodeInfo> e : changes.nodesAt(to)) {
            names.put(e.getKey(), e.getValue().provider() + "/" + e.getValue().hostname());
        }
        Map<String, Map<GpuMetric, Series>> out = new HashMap<>();
        for (Map.Entry<Long, List<double[]>> e : rows.entrySet()) {
            String node = names.get((int) (e.getKey() >> 16));
            Gpu info = changes.gpuAt(e.getKey(), to);
            if (node == null || info == null) {
                continue; // a node gone by then
            }
            List<double[]> list = e.getValue();
            double total = info.memoryTotalMiB();
            Map<GpuMetric, Series> metrics = new EnumMap<>(GpuMetric.class);
            metrics.put(GpuMetric.UTILIZATION_PCT, column(GpuMetric.UTILIZATION_PCT.name(), list, 1, 1));
            metrics.put(GpuMetric.MEMORY_USED_PCT, column(GpuMetric.MEMORY_USED_PCT.name(), list, 2,
                    Metrics.isPresent(total) && total > 0 ? 100 / total : Double.NaN));
            metrics.put(GpuMetric.TEMPERATURE_C, column(GpuMetric.TEMPERATURE_C.name(), list, 3, 1));
            metrics.put(GpuMetric.POWER_W, column(GpuMetric.POWER_W.name(), list, 4, 1));
            out.put(node + "#" + info.index(), metrics);
        }
        return out;
    }

    private static Series series(String key, List<double[]> rows) {
        return column(key, rows, 1, 1);
    }

    private static Series column(String key, List<double[]> rows, int at, double scale) {
        long[] t = new long[rows.size()];
        double[] v = new double[rows.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = (long) rows.get(i)[0];
            v[i] = rows.get(i)[at] * scale;
        }
        return new Series(key, t, v, v, v);
    }
}
