package dev.fleetdeck.ui.fleet;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.service.history.GpuMetric;
import dev.fleetdeck.service.history.HistoryReader;
import dev.fleetdeck.service.history.Series;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recent past of the GPUs in the rows on screen, for the fleet table's sparklines: per GPU, its utilisation and
 * temperature over the last {@link #WINDOW} in {@link #POINTS} buckets (the mean of the samples in each; NaN where
 * there were none, drawn as a gap). Read from the history on the view worker, never on the FX thread (a history
 * query waits while a poll is being recorded).
 *
 * @param rows by row key: one {@link Row} per node or GPU row read
 */
public record Sparks(Map<String, Row> rows) {
    public static final Duration WINDOW = Duration.ofMinutes(5);
    public static final int POINTS = 30;
    public static final Sparks NONE = new Sparks(Map.of());

    /**
     * One row's GPUs, in the row's order.
     *
     * @param util per GPU, utilisation % per bucket
     * @param temp per GPU, temperature °C per bucket
     */
    public record Row(float[][] util, float[][] temp) {
        public int gpus() {
            return util.length;
        }
    }

    /** Reads the sparklines of these rows (node rows: each of the node's GPUs; GPU rows: that GPU). Worker thread. */
    public static Sparks read(HistoryReader history, List<FleetRow> rows, Instant now) {
        Map<String, Row> out = new HashMap<>(rows.size() * 2);
        for (FleetRow r : rows) {
            List<Gpu> gpus = r.isGpu() ? List.of(r.gpu()) : r.node().gpus();
            float[][] util = new float[gpus.size()][];
            float[][] temp = new float[gpus.size()][];
            for (int i = 0; i < gpus.size(); i++) {
                int index = gpus.get(i).index();
                util[i] = buckets(history.gpu(r.node().provider(), r.node().hostname(), index,
                        GpuMetric.UTILIZATION_PCT, WINDOW), now);
                temp[i] = buckets(history.gpu(r.node().provider(), r.node().hostname(), index,
                        GpuMetric.TEMPERATURE_C, WINDOW), now);
            }
            out.put(r.key(), new Row(util, temp));
        }
        return new Sparks(Map.copyOf(out));
    }

    /** The mean of the samples in each of {@link #POINTS} buckets ending at {@code now}; NaN for an empty bucket. */
    static float[] buckets(Series s, Instant now) {
        float[] sum = new float[POINTS];
        int[] count = new int[POINTS];
        long end = now.toEpochMilli();
        long start = end - WINDOW.toMillis();
        double width = (double) WINDOW.toMillis() / POINTS;
        long[] t = s.epochMillis();
        double[] v = s.values();
        for (int i = 0; i < t.length; i++) {
            if (t[i] < start || t[i] > end || !Double.isFinite(v[i])) {
                continue;
            }
            int b = Math.min(POINTS - 1, (int) ((t[i] - start) / width));
            sum[b] += (float) v[i];
            count[b]++;
        }
        for (int b = 0; b < POINTS; b++) {
            sum[b] = count[b] == 0 ? Float.NaN : sum[b] / count[b];
        }
        return sum;
    }
}
