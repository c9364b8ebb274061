package dev.fleetdeck.service.history;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Per-GPU utilisation, memory, temperature and power over the last {@code span}, one value per {@code resolution}
 * slot, in 16-bit fixed point ({@link GpuMetric}). In a fine tier the latest sample in a slot wins; an averaging
 * tier (coarse slots, e.g. 10 min) keeps the running mean of the samples that fell into the slot.
 *
 * <p>Memory is bounded by construction: rows are allocated in chunks of {@value #CHUNK} GPUs, up to {@code maxGpus};
 * each GPU costs {@code 4 metrics × slots × 2 bytes + 8} bytes (1,448 bytes at the default 15 min / 5 s), so 100,000
 * GPUs take 138 MiB and the default ceiling of 131,072 GPUs 181 MiB. GPUs beyond the ceiling are not recorded (and
 * counted); a GPU not seen for a whole span gives its row back.
 *
 * <p>Data from a provider that stopped answering (nodes marked {@code data-stale}) is not recorded: history shows a
 * gap, never old values as if they were new.
 *
 * <p>Threads: appended on the assembler thread, read from any thread; methods are synchronized, queries copy.
 */
public final class GpuHistory {
    public static final Duration DEFAULT_RESOLUTION = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SPAN = Duration.ofMinutes(15);
    public static final int DEFAULT_MAX_GPUS = 131_072;
    static final int CHUNK = 1024;
    private static final GpuMetric[] METRICS = GpuMetric.values();

    private record NodeKey(String provider, String hostname) {
    }

    private final long resolutionMs;
    private final int slots;
    private final int maxGpus;
    private final long[] slotAt;
    private final List<short[][]> values = new ArrayList<>();
    private final List<long[]> lastSeen = new ArrayList<>();
    /** Averaging tiers only: samples counted into the current slot, per chunk, metric and row. */
    private final List<short[][]> counts = new ArrayList<>();
    private final boolean averaging;
    private final Map<NodeKey, int[]> rows = new HashMap<>();
    private final ArrayDeque<Integer> freeRows = new ArrayDeque<>();
    private int nextRow;
    private long currentSlot = Long.MIN_VALUE;
    private long untracked;

    public GpuHistory() {
        this(DEFAULT_RESOLUTION, DEFAULT_SPAN, DEFAULT_MAX_GPUS);
    }

    public GpuHistory(Duration resolution, Duration span, int maxGpus) {
        this(resolution, span, maxGpus, false);
    }

    /**
     * @param averaging keep the mean of each slot's samples (coarse tiers) instead of the latest one
     */
    public GpuHistory(Duration resolution, Duration span, int maxGpus, boolean averaging) {
        this.averaging = averaging;
        this.resolutionMs = resolution.toMillis();
        this.slots = (int) Math.max(2, span.toMillis() / resolutionMs);
        this.maxGpus = maxGpus;
        this.slotAt = new long[slots];
        Arrays.fill(slotAt, Long.MIN_VALUE);
    }

    /** Records every GPU of {@code nodes} at {@code at}; a time before the latest slot is ignored. */
    public synchronized void record(Instant at, List<Node> nodes) {
        long slot = Math.floorDiv(at.toEpochMilli(), resolutionMs);
        if (slot < currentSlot) {
            return;
        }
        if (slot > currentSlot) {
            advanceTo(slot);
        }
        int pos = (int) Math.floorMod(slot, (long) slots);
        for (Node node : nodes) {
            if (isStale(node)) {
                continue;
            }
            int[] r = rows.get(new NodeKey(node.provider(), node.hostname()));
            for (Gpu gpu : node.gpus()) {
                if (gpu.index() < 0 || gpu.index() > 4095) {
                    continue;
                }
                if (r == null || gpu.index() >= r.length || r[gpu.index()] < 0) {
                    r = allocate(node, gpu.index(), r);
                    if (r == null || r[gpu.index()] < 0) {
                        continue;
                    }
                }
                int row = r[gpu.index()];
                short[][] chunk = values.get(row / CHUNK);
                int base = (row % CHUNK) * slots + pos;
                for (int m = 0; m < METRICS.length; m++) {
                    double v = METRICS[m].of(gpu);
                    chunk[m][base] = averaging ? average(row, m, chunk[m][base], v) : METRICS[m].encode(v);
                }
                lastSeen.get(row / CHUNK)[row % CHUNK] = slot;
            }
        }
    }

    /** The slot's running mean with one more sample; absent samples do not count. */
    private short average(int row, int metric, short stored, double value) {
        if (!Metrics.isPresent(value)) {
            return stored;
        }
        short[] n = counts.get(row / CHUNK)[metric];
        int i = row % CHUNK;
        int count = Math.min(Short.MAX_VALUE - 1, n[i] + 1);
        n[i] = (short) count;
        if (count == 1 || stored == GpuMetric.ABSENT) {
            return METRICS[metric].encode(value);
        }
        double mean = METRICS[metric].decode(stored);
        return METRICS[metric].encode(mean + (value - mean) / count);
    }

    private static boolean isStale(Node node) {
        for (var reason : node.healthReasons()) {
            if (reason.code().equals("data-stale")) {
                return true;
            }
        }
        return false;
    }

    private int[] allocate(Node node, int index, int[] existing) {
        NodeKey key = new NodeKey(node.provider(), node.hostname());
        int[] r = existing;
        if (r == null || index >= r.length) {
            int[] grown = new int[Math.max(index + 1, Math.max(8, node.gpuCount()))];
            Arrays.fill(grown, -1);
            if (r != null) {
                System.arraycopy(r, 0, grown, 0, r.length);
            }
            r = grown;
            rows.put(key, r);
        }
        int row = takeRow();
        if (row < 0) {
            untracked++;
            return r;
        }
        r[index] = row;
        return r;
    }

    private int takeRow() {
        if (!freeRows.isEmpty()) {
            int row = freeRows.pop();
            short[][] chunk = values.get(row / CHUNK);
            int base = (row % CHUNK) * slots;
            for (short[] metric : chunk) {
                Arrays.fill(metric, base, base + slots, GpuMetric.ABSENT);
            }
            if (averaging) {
                for (short[] metric : counts.get(row / CHUNK)) {
                    metric[row % CHUNK] = 0;
                }
            }
            return row;
        }
        if (nextRow >= maxGpus) {
            return -1;
        }
        if (nextRow % CHUNK == 0) {
            short[][] chunk = new short[METRICS.length][CHUNK * slots];
            for (short[] metric : chunk) {
                Arrays.fill(metric, GpuMetric.ABSENT);
            }
            values.add(chunk);
            lastSeen.add(new long[CHUNK]);
            if (averaging) {
                counts.add(new short[METRICS.length][CHUNK]);
            }
        }
        return nextRow++;
    }

    /** Starts new slots: clears their positions for every row and gives back rows unseen for a whole span. */
    private void advanceTo(long slot) {
        long first = currentSlot == Long.MIN_VALUE ? slot : Math.max(currentSlot + 1, slot - slots + 1);
        for (long s = first; s <= slot; s++) {
            int pos = (int) Math.floorMod(s, (long) slots);
            slotAt[pos] = s;
            for (short[][] chunk : values) {
                for (short[] metric : chunk) {
                    for (int row = 0; row < CHUNK; row++) {
                        metric[row * slots + pos] = GpuMetric.ABSENT;
                    }
                }
            }
        }
        currentSlot = slot;
        for (short[][] c : counts) {
            for (short[] metric : c) {
                Arrays.fill(metric, (short) 0);
            }
        }
        evictUnseen(slot - slots);
    }

    private void evictUnseen(long before) {
        Iterator<Map.Entry<NodeKey, int[]>> it = rows.entrySet().iterator();
        while (it.hasNext()) {
            int[] r = it.next().getValue();
            boolean any = false;
            for (int i = 0; i < r.length; i++) {
                int row = r[i];
                if (row < 0) {
                    continue;
                }
                if (lastSeen.get(row / CHUNK)[row % CHUNK] < before) {
                    freeRows.push(row);
                    r[i] = -1;
                } else {
                    any = true;
                }
            }
            if (!any) {
                it.remove();
            }
        }
    }

    /** One GPU's metric over the whole span, oldest first; empty when the GPU is not in history. */
    public synchronized Series query(String provider, String hostname, int gpuIndex, GpuMetric metric) {
        String key = provider + "/" + hostname + "/" + gpuIndex + "/" + metric.name();
        int[] r = rows.get(new NodeKey(provider, hostname));
        if (r == null || gpuIndex < 0 || gpuIndex >= r.length || r[gpuIndex] < 0 || currentSlot == Long.MIN_VALUE) {
            return Series.empty(key);
        }
        int row = r[gpuIndex];
        short[] data = values.get(row / CHUNK)[metric.ordinal()];
        int base = (row % CHUNK) * slots;
        long[] times = new long[slots];
        double[] vals = new double[slots];
        int n = 0;
        for (long s = currentSlot - slots + 1; s <= currentSlot; s++) {
            int pos = (int) Math.floorMod(s, (long) slots);
            if (slotAt[pos] != s) {
                continue;
            }
            times[n] = s * resolutionMs;
            vals[n++] = metric.decode(data[base + pos]);
        }
        double[] v = Arrays.copyOf(vals, n);
        return new Series(key, Arrays.copyOf(times, n), v, v.clone(), v.clone());
    }

    /** Start of the newest slot written, epoch ms; {@link Long#MIN_VALUE} before the first record. */
    public synchronized long latestSlotMillis() {
        return currentSlot == Long.MIN_VALUE ? Long.MIN_VALUE : currentSlot * resolutionMs;
    }

    /** GPUs with a row now. */
    public synchronized int trackedGpus() {
        return nextRow - freeRows.size();
    }

    /** GPU samples not recorded because the ceiling was reached. */
    public synchronized long untracked() {
        return untracked;
    }

    /** Bytes the sample arrays take now. */
    public synchronized long memoryBytes() {
        return (long) values.size() * CHUNK * bytesPerGpu() + slots * 8L;
    }

    /** Bytes one GPU costs; multiply by the GPU ceiling for the bound. */
    public long bytesPerGpu() {
        return (long) METRICS.length * slots * 2 + 8 + (averaging ? METRICS.length * 2L : 0);
    }

    public Duration resolution() {
        return Duration.ofMillis(resolutionMs);
    }

    public Duration span() {
        return Duration.ofMillis(resolutionMs * slots);
    }
}
