package dev.fleetdeck.provider.sim;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.provider.AggregateHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulated fleet's own past: while a fleet is run forward from a day ago to now, free GPUs per model are
 * recorded every minute and utilisation, power and temperatures every {@link #METRICS_EVERY} (interpolated in
 * between). The live fleet is the
 * same run, so history and live data join without a seam.
 */
final class SimPast {
    static final Duration METRICS_EVERY = Duration.ofMinutes(30);

    private final long fromMillis;
    private final int minutes;
    private final Map<String, int[]> freeByModel = new HashMap<>();
    private final double[] utilSum;
    private final double[] utilCount;
    private final double[] power;
    private final double[] tempSum;
    private final double[] tempCount;
    private final double[] tempMax;

    private SimPast(Instant from, int minutes) {
        this.fromMillis = from.toEpochMilli();
        this.minutes = minutes;
        int samples = (int) (minutes / METRICS_EVERY.toMinutes()) + 1;
        utilSum = new double[samples];
        utilCount = new double[samples];
        power = new double[samples];
        tempSum = new double[samples];
        tempCount = new double[samples];
        tempMax = new double[samples];
    }

    /** Runs {@code fleet} (started at {@code from}) forward to {@code to}, recording as it goes. */
    static SimPast record(SimulatedFleet fleet, Instant from, Instant to, String provider) {
        int minutes = (int) Duration.between(from, to).toMinutes();
        SimPast past = new SimPast(from, minutes);
        for (int m = 0; m <= minutes; m++) {
            fleet.advanceTo(from.plusSeconds(60L * m));
            int minute = m;
            fleet.freeByModel().forEach((model, free) ->
                    past.freeByModel.computeIfAbsent(model, k -> new int[minutes + 1])[minute] = free);
            if (m % METRICS_EVERY.toMinutes() == 0) {
                past.metrics((int) (m / METRICS_EVERY.toMinutes()), fleet, provider);
            }
        }
        fleet.advanceTo(to);
        return past;
    }

    private void metrics(int k, SimulatedFleet fleet, String provider) {
        double max = Double.NaN;
        for (Node node : fleet.nodes(provider)) {
            for (Gpu gpu : node.gpus()) {
                if (Metrics.isPresent(gpu.utilizationPct())) {
                    utilSum[k] += gpu.utilizationPct();
                    utilCount[k]++;
                }
                if (Metrics.isPresent(gpu.powerW())) {
                    power[k] += gpu.powerW();
                }
                if (Metrics.isPresent(gpu.temperatureC())) {
                    tempSum[k] += gpu.temperatureC();
                    tempCount[k]++;
                    max = Double.isNaN(max) ? gpu.temperatureC() : Math.max(max, gpu.temperatureC());
                }
            }
        }
        tempMax[k] = max;
    }

    /** The recorded past on a requested grid; NaN outside what was recorded. */
    AggregateHistory on(Instant from, Instant to, Duration step) {
        int n = (int) (Duration.between(from, to).toMillis() / step.toMillis()) + 1;
        long[] times = new long[n];
        double[][] metrics = new double[6][n];
        Map<String, double[]> free = new HashMap<>();
        freeByModel.keySet().forEach(m -> free.put(m, new double[n]));
        for (int i = 0; i < n; i++) {
            long t = from.toEpochMilli() + i * step.toMillis();
            times[i] = t;
            long minute = Math.floorDiv(t - fromMillis, 60_000L);
            boolean inside = minute >= 0 && minute <= minutes;
            for (Map.Entry<String, int[]> e : freeByModel.entrySet()) {
                free.get(e.getKey())[i] = inside ? e.getValue()[(int) minute] : Double.NaN;
            }
            // Metrics were recorded every METRICS_EVERY: in between, interpolate linearly (a smooth day, not steps).
            double at = inside ? (double) (t - fromMillis) / METRICS_EVERY.toMillis() : -1;
            int k = (int) Math.floor(at);
            int k1 = Math.min(k + 1, utilSum.length - 1);
            double w = at - k;
            double[][] src = {utilSum, utilCount, power, tempSum, tempCount, tempMax};
            for (int j = 0; j < 6; j++) {
                metrics[j][i] = k < 0 || k >= utilSum.length ? Double.NaN
                        : src[j][k] * (1 - w) + src[j][k1] * w;
            }
        }
        return new AggregateHistory(times, metrics[0], metrics[1], metrics[2], metrics[3], metrics[4], metrics[5],
                free);
    }
}
