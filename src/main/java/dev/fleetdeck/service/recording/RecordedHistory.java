package dev.fleetdeck.service.recording;

import dev.fleetdeck.service.history.GpuMetric;
import dev.fleetdeck.service.history.HistoryReader;
import dev.fleetdeck.service.history.Series;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The past of a recorded frame, as its views ask for it: the fleet-wide trends of the day before the frame (from every
 * segment that reaches into it), and each GPU's last {@link #GPU_SPAN} (sparklines, node detail). Built on the
 * time-travel thread with everything read; then immutable, so the FX thread reads it in microseconds.
 */
final class RecordedHistory implements HistoryReader {
    /** How far back a past frame's per-GPU series reach. */
    static final Duration GPU_SPAN = Duration.ofMinutes(15);
    /** How far back its fleet series reach. */
    static final Duration FLEET_SPAN = Duration.ofHours(24);

    private final Instant at;
    private final List<Map<String, Series>> fleet;
    private final Map<String, Map<GpuMetric, Series>> gpus;

    /**
     * @param fleet the fleet series of each segment reaching into the day before {@code at}, oldest first
     * @param gpus  each GPU's series ({@code provider/hostname#index}) of the stretch before {@code at}
     */
    RecordedHistory(Instant at, List<Map<String, Series>> fleet, Map<String, Map<GpuMetric, Series>> gpus) {
        this.at = at;
        this.fleet = List.copyOf(fleet);
        this.gpus = Map.copyOf(gpus);
    }

    @Override
    public Series fleet(String key, Duration window, Instant now) {
        long from = now.minus(window).toEpochMilli();
        long to = now.toEpochMilli();
        List<long[]> times = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        int n = 0;
        for (Map<String, Series> segment : fleet) {
            Series s = segment.get(key);
            if (s == null) {
                continue;
            }
            times.add(s.epochMillis());
            values.add(s.values());
            n += s.size();
        }
        long[] t = new long[n];
        double[] v = new double[n];
        int k = 0;
        for (int i = 0; i < times.size(); i++) {
            long[] ts = times.get(i);
            double[] vs = values.get(i);
            for (int j = 0; j < ts.length; j++) {
                if (ts[j] >= from && ts[j] <= to) {
                    t[k] = ts[j];
                    v[k++] = vs[j];
                }
            }
        }
        long[] tt = java.util.Arrays.copyOf(t, k);
        double[] vv = java.util.Arrays.copyOf(v, k);
        return new Series(key, tt, vv, vv, vv);
    }

    @Override
    public Series gpu(String provider, String hostname, int gpuIndex, GpuMetric metric, Duration window) {
        Map<GpuMetric, Series> m = gpus.get(provider + "/" + hostname + "#" + gpuIndex);
        Series s = m == null ? null : m.get(metric);
        if (s == null) {
            return Series.empty(metric.name());
        }
        long from = at.minus(window).toEpochMilli();
        int first = 0;
        while (first < s.size() && s.epochMillis()[first] < from) {
            first++;
        }
        if (first == 0) {
            return s;
        }
        long[] t = java.util.Arrays.copyOfRange(s.epochMillis(), first, s.size());
        double[] v = java.util.Arrays.copyOfRange(s.values(), first, s.size());
        return new Series(s.key(), t, v, v, v);
    }

    /** One value per recorded frame: a new frame is a new revision. */
    @Override
    public long revision(Duration window) {
        return at.toEpochMilli();
    }
}
