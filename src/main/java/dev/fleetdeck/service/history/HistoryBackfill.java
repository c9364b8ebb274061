package dev.fleetdeck.service.history;

import dev.fleetdeck.provider.AggregateHistory;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills the fleet trends of the last day from providers whose source remembers it (Prometheus and friends, the
 * simulator's own run), so the charts are not empty after a start. Providers' sums add up on a shared time grid; a provider that fails here
 * is skipped with a log line (its live polling is unaffected).
 */
public final class HistoryBackfill {
    private static final System.Logger LOG = System.getLogger(HistoryBackfill.class.getName());
    static final Duration SPAN = Duration.ofHours(24);
    static final Duration STEP = Duration.ofMinutes(1);

    private HistoryBackfill() {
    }

    /** Asks every provider and writes what they know into {@code history}; returns the samples written. */
    public static int run(List<FleetProvider> providers, FleetHistory history, Clock clock) throws InterruptedException {
        return run(providers, history, clock, SPAN, STEP);
    }

    /** As {@link #run(List, FleetHistory, Clock)} with another span and grid step. */
    static int run(List<FleetProvider> providers, FleetHistory history, Clock clock, Duration span, Duration step)
            throws InterruptedException {
        long stepMs = step.toMillis();
        Instant to = Instant.ofEpochMilli(clock.millis() / stepMs * stepMs);
        Instant from = to.minus(span);
        List<AggregateHistory> parts = new ArrayList<>();
        for (FleetProvider p : providers) {
            try {
                Optional<AggregateHistory> h = p.aggregateHistory(from, to, step);
                h.ifPresent(parts::add);
            } catch (ProviderException e) {
                LOG.log(System.Logger.Level.WARNING, "history backfill from " + p.name() + " failed: "
                        + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "history backfill from " + p.name() + " failed", e);
            }
        }
        if (parts.isEmpty()) {
            return 0;
        }
        long[] times = parts.getFirst().epochMillis();
        int n = times.length;
        double[] util = new double[n];
        double[] power = new double[n];
        double[] tempAvg = new double[n];
        double[] tempMax = new double[n];
        int present = 0;
        for (int i = 0; i < n; i++) {
            double us = 0;
            double uc = 0;
            double pw = 0;
            double ts = 0;
            double tc = 0;
            double tm = Double.NaN;
            boolean any = false;
            for (AggregateHistory h : parts) {
                if (h.epochMillis().length != n) {
                    continue;
                }
                if (!Double.isNaN(h.utilizationSum()[i]) && !Double.isNaN(h.utilizationCount()[i])) {
                    us += h.utilizationSum()[i];
                    uc += h.utilizationCount()[i];
                }
                if (!Double.isNaN(h.powerW()[i])) {
                    pw += h.powerW()[i];
                    any = true;
                }
                if (!Double.isNaN(h.temperatureSum()[i]) && !Double.isNaN(h.temperatureCount()[i])) {
                    ts += h.temperatureSum()[i];
                    tc += h.temperatureCount()[i];
                }
                if (!Double.isNaN(h.temperatureMax()[i])) {
                    tm = Double.isNaN(tm) ? h.temperatureMax()[i] : Math.max(tm, h.temperatureMax()[i]);
                }
            }
            util[i] = uc > 0 ? us / uc : Double.NaN;
            power[i] = any ? pw / 1000.0 : Double.NaN;
            tempAvg[i] = tc > 0 ? ts / tc : Double.NaN;
            tempMax[i] = tm;
            present += uc > 0 || any || tc > 0 ? 1 : 0;
        }
        Map<String, double[]> series = new HashMap<>();
        for (AggregateHistory h : parts) {
            if (h.epochMillis().length != n) {
                continue;
            }
            h.freeByModel().forEach((model, free) -> {
                double[] sum = series.computeIfAbsent(FleetSeries.FREE + model, k -> {
                    double[] a = new double[n];
                    java.util.Arrays.fill(a, Double.NaN);
                    return a;
                });
                for (int i = 0; i < n; i++) {
                    if (!Double.isNaN(free[i])) {
                        sum[i] = (Double.isNaN(sum[i]) ? 0 : sum[i]) + free[i];
                    }
                }
            });
        }
        series.put(FleetSeries.UTILIZATION_PCT, util);
        series.put(FleetSeries.POWER_KW, power);
        series.put(FleetSeries.TEMPERATURE_AVG_C, tempAvg);
        series.put(FleetSeries.TEMPERATURE_MAX_C, tempMax);
        history.backfill(times, series);
        LOG.log(System.Logger.Level.INFO, "history backfilled: {0} points of the last {1} min from {2} providers",
                present, span.toMinutes(), parts.size());
        return present;
    }
}
