package dev.fleetdeck.service.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fleet-wide time series (utilisation, power, temperatures, free and sellable GPUs per model) in fixed-size ring
 * buffers of primitives, in two tiers:
 * <ul>
 *   <li><b>recent</b>: every sample for {@link #RECENT_SPAN} (one per poll, at most one per {@link #MIN_SPACING};
 *       {@link #RECENT_SLOTS} slots);</li>
 *   <li><b>day</b>: mean, min and max per {@link #BUCKET} for {@link #DAY_SPAN} ({@link #DAY_SLOTS} buckets).</li>
 * </ul>
 * At most {@link #MAX_SERIES} series are kept (the first ones seen); the rest are dropped and counted. Memory is
 * bounded by construction: per series 3,600 × 8 bytes (recent) + 1,440 × 28 bytes (day) ≈ 68 KiB, so at most
 * {@link #MAX_SERIES} × 68 KiB ≈ 4.3 MiB plus 40 KiB of timestamps, whatever the fleet size.
 *
 * <p>Threads: appended on the polling service's assembler thread, read from any thread (the UI); every method is
 * synchronized and queries return copies.
 */
public final class FleetHistory {
    public static final Duration RECENT_SPAN = Duration.ofHours(1);
    public static final Duration MIN_SPACING = Duration.ofSeconds(1);
    public static final int RECENT_SLOTS = (int) (RECENT_SPAN.toMillis() / MIN_SPACING.toMillis());
    public static final Duration BUCKET = Duration.ofMinutes(1);
    public static final Duration DAY_SPAN = Duration.ofHours(24);
    public static final int DAY_SLOTS = (int) (DAY_SPAN.toMillis() / BUCKET.toMillis());
    public static final int MAX_SERIES = 64;

    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final long[] recentTimes = new long[RECENT_SLOTS];
    private final double[][] recent = new double[MAX_SERIES][];
    private int recentNewest = -1;
    private int recentSize;
    private final long[] bucketOf = new long[DAY_SLOTS];
    private final double[][] sum = new double[MAX_SERIES][];
    private final double[][] min = new double[MAX_SERIES][];
    private final double[][] max = new double[MAX_SERIES][];
    private final int[][] count = new int[MAX_SERIES][];
    private long droppedSeries;

    public FleetHistory() {
        Arrays.fill(bucketOf, -1);
    }

    /**
     * Records one sample of every series at {@code at}. Series missing from {@code values} are absent at that time.
     * A sample less than {@link #MIN_SPACING} after the previous one replaces it.
     */
    public synchronized void record(Instant at, Map<String, Double> values) {
        long t = at.toEpochMilli();
        int[] cols = new int[values.size()];
        double[] vals = new double[values.size()];
        int n = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            int c = column(e.getKey());
            if (c >= 0) {
                cols[n] = c;
                vals[n++] = e.getValue();
            }
        }
        writeRecent(t, cols, vals, n);
        writeDay(t, cols, vals, n);
    }

    private int column(String key) {
        Integer c = columns.get(key);
        if (c != null) {
            return c;
        }
        if (names.size() >= MAX_SERIES) {
            droppedSeries++;
            return -1;
        }
        int idx = names.size();
        names.add(key);
        columns.put(key, idx);
        recent[idx] = new double[RECENT_SLOTS];
        Arrays.fill(recent[idx], Double.NaN);
        sum[idx] = new double[DAY_SLOTS];
        min[idx] = new double[DAY_SLOTS];
        max[idx] = new double[DAY_SLOTS];
        count[idx] = new int[DAY_SLOTS];
        return idx;
    }

    private void writeRecent(long t, int[] cols, double[] vals, int n) {
        boolean replace = recentSize > 0 && t - recentTimes[recentNewest] < MIN_SPACING.toMillis()
                && t >= recentTimes[recentNewest];
        if (!replace) {
            recentNewest = (recentNewest + 1) % RECENT_SLOTS;
            recentSize = Math.min(RECENT_SLOTS, recentSize + 1);
        }
        recentTimes[recentNewest] = t;
        for (int c = 0; c < names.size(); c++) {
            recent[c][recentNewest] = Double.NaN;
        }
        for (int i = 0; i < n; i++) {
            recent[cols[i]][recentNewest] = vals[i];
        }
    }

    private void writeDay(long t, int[] cols, double[] vals, int n) {
        long bucket = Math.floorDiv(t, BUCKET.toMillis());
        int pos = (int) Math.floorMod(bucket, (long) DAY_SLOTS);
        if (bucketOf[pos] != bucket) {
            bucketOf[pos] = bucket;
            for (int c = 0; c < names.size(); c++) {
                sum[c][pos] = 0;
                count[c][pos] = 0;
                min[c][pos] = Double.POSITIVE_INFINITY;
                max[c][pos] = Double.NEGATIVE_INFINITY;
            }
        }
        for (int i = 0; i < n; i++) {
            int c = cols[i];
            double v = vals[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (count[c][pos] == 0) {
                min[c][pos] = v;
                max[c][pos] = v;
            }
            sum[c][pos] += v;
            count[c][pos]++;
            min[c][pos] = Math.min(min[c][pos], v);
            max[c][pos] = Math.max(max[c][pos], v);
        }
    }

    /**
     * Adds samples from before FleetDeck started (a store's memory, see
     * {@link dev.fleetdeck.provider.FleetProvider#aggregateHistory}). Only samples older than the oldest one
     * recorded live are taken, so live data always wins; series not given are absent at those times.
     *
     * @param times  sample times, ascending
     * @param series values per series key, each as long as {@code times}; NaN = no data
     */
    public synchronized void backfill(long[] times, Map<String, double[]> series) {
        int oldest = Math.floorMod(recentNewest - recentSize + 1, RECENT_SLOTS);
        long firstLive = recentSize == 0 ? Long.MAX_VALUE : recentTimes[oldest];
        List<Integer> take = new ArrayList<>();
        List<Integer> dayOnly = new ArrayList<>();
        long newest = times.length == 0 ? 0 : Math.min(firstLive, times[times.length - 1] + 1);
        for (int i = 0; i < times.length; i++) {
            if (times[i] < firstLive && (i == 0 || times[i] > times[i - 1])) {
                (times[i] >= newest - RECENT_SPAN.toMillis() ? take : dayOnly).add(i);
            }
        }
        if (take.isEmpty() && dayOnly.isEmpty()) {
            return;
        }
        // Rebuild the recent ring in time order: backfilled samples first, then the live ones.
        int live = recentSize;
        long[] liveTimes = new long[live];
        double[][] liveValues = new double[names.size()][live];
        for (int k = 0; k < live; k++) {
            int p = (oldest + k) % RECENT_SLOTS;
            liveTimes[k] = recentTimes[p];
            for (int c = 0; c < names.size(); c++) {
                liveValues[c][k] = recent[c][p];
            }
        }
        int liveColumns = names.size();
        int[] cols = new int[series.size()];
        double[][] vals = new double[series.size()][];
        int m = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            int c = column(e.getKey());
            if (c >= 0) {
                cols[m] = c;
                vals[m++] = e.getValue();
            }
        }
        double[] dayRow = new double[m];
        for (int i : dayOnly) {
            for (int j = 0; j < m; j++) {
                dayRow[j] = vals[j][i];
            }
            writeDay(times[i], cols, dayRow, m);
        }
        recentSize = 0;
        recentNewest = -1;
        int skip = Math.max(0, take.size() + live - RECENT_SLOTS);
        double[] row = new double[m];
        for (int k = skip; k < take.size(); k++) {
            int i = take.get(k);
            for (int j = 0; j < m; j++) {
                row[j] = vals[j][i];
            }
            writeRecent(times[i], cols, row, m);
            writeDay(times[i], cols, row, m);
        }
        int[] all = new int[liveColumns];
        double[] liveRow = new double[liveColumns];
        for (int c = 0; c < liveColumns; c++) {
            all[c] = c;
        }
        for (int k = 0; k < live; k++) {
            for (int c = 0; c < liveColumns; c++) {
                liveRow[c] = liveValues[c][k];
            }
            recentNewest = (recentNewest + 1) % RECENT_SLOTS;
            recentSize = Math.min(RECENT_SLOTS, recentSize + 1);
            recentTimes[recentNewest] = liveTimes[k];
            for (int c = 0; c < names.size(); c++) {
                recent[c][recentNewest] = c < liveColumns ? liveRow[c] : Double.NaN;
            }
        }
    }

    /**
     * The series over the last {@code window} up to {@code now}: raw samples when the window fits in the recent
     * tier, one-minute buckets otherwise.
     */
    public synchronized Series query(String key, Duration window, Instant now) {
        Integer c = columns.get(key);
        if (c == null) {
            return Series.empty(key);
        }
        long to = now.toEpochMilli();
        long from = to - window.toMillis();
        return window.compareTo(RECENT_SPAN) <= 0 ? queryRecent(key, c, from, to) : queryDay(key, c, from, to);
    }

    private Series queryRecent(String key, int c, long from, long to) {
        int oldest = Math.floorMod(recentNewest - recentSize + 1, RECENT_SLOTS);
        long[] times = new long[recentSize];
        double[] vals = new double[recentSize];
        int n = 0;
        for (int i = 0; i < recentSize; i++) {
            int p = (oldest + i) % RECENT_SLOTS;
            long t = recentTimes[p];
            if (t >= from && t <= to) {
                times[n] = t;
                vals[n++] = recent[c][p];
            }
        }
        double[] v = Arrays.copyOf(vals, n);
        return new Series(key, Arrays.copyOf(times, n), v, v.clone(), v.clone());
    }

    private Series queryDay(String key, int c, long from, long to) {
        long first = Math.floorDiv(from, BUCKET.toMillis());
        long last = Math.floorDiv(to, BUCKET.toMillis());
        int span = (int) Math.min(DAY_SLOTS, last - first + 1);
        first = last - span + 1;
        long[] times = new long[span];
        double[] mean = new double[span];
        double[] lo = new double[span];
        double[] hi = new double[span];
        for (int i = 0; i < span; i++) {
            long bucket = first + i;
            int p = (int) Math.floorMod(bucket, (long) DAY_SLOTS);
            times[i] = bucket * BUCKET.toMillis();
            boolean has = bucketOf[p] == bucket && count[c][p] > 0;
            mean[i] = has ? sum[c][p] / count[c][p] : Double.NaN;
            lo[i] = has ? min[c][p] : Double.NaN;
            hi[i] = has ? max[c][p] : Double.NaN;
        }
        return new Series(key, times, mean, lo, hi);
    }

    /** The series recorded so far, in the order first seen. */
    public synchronized List<String> keys() {
        return List.copyOf(names);
    }

    /** Series that did not fit under {@link #MAX_SERIES} (sample count). */
    public synchronized long droppedSeries() {
        return droppedSeries;
    }

    /** Bytes the arrays take now (the ceiling is reached at {@link #MAX_SERIES} series). */
    public synchronized long memoryBytes() {
        long perSeries = RECENT_SLOTS * 8L + DAY_SLOTS * (8L * 3 + 4);
        return (long) names.size() * perSeries + RECENT_SLOTS * 8L + DAY_SLOTS * 8L;
    }
}
