package dev.fleetdeck.provider.prom;

import dev.fleetdeck.provider.AggregateHistory;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.SourceLimits;
import dev.fleetdeck.provider.http.HttpBody;
import dev.fleetdeck.provider.http.HttpFetcher;
import dev.fleetdeck.provider.prom.dcgm.DcgmCollector;
import dev.fleetdeck.provider.prom.dcgm.DcgmSeries;
import dev.fleetdeck.provider.prom.dcgm.LabelMapping;
import tools.jackson.core.JacksonException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code type: prometheus}: reads dcgm-exporter series from anything that speaks the Prometheus HTTP API
 * (Prometheus, Thanos, Mimir, VictoriaMetrics) with one instant query per poll that selects every series we read
 * by name ({@code {__name__=~"DCGM_FI_DEV_GPU_UTIL|…"}} plus the configured matchers). Warnings in the answer
 * (e.g. a partial response from Thanos) make the snapshot degraded and are shown, not swallowed.
 *
 * <p>Threads: {@link #poll()} on the polling thread.
 */
public final class PrometheusProvider implements FleetProvider {
    private final String name;
    private final URI base;
    private final String selector;
    private final String matchers;
    private final HttpFetcher http;
    private final LabelMapping mapping;
    private final Clock clock;
    private final Map<String, Integer> inventory = new ConcurrentHashMap<>();

    PrometheusProvider(String name, URI base, String extraMatchers, HttpFetcher http, LabelMapping mapping,
                       Clock clock) {
        this.name = name;
        this.base = base;
        this.selector = DcgmSeries.selector(extraMatchers);
        this.matchers = extraMatchers.strip();
        this.http = http;
        this.mapping = mapping;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return PrometheusProviderFactory.TYPE;
    }

    @Override
    public SourceLimits limits() {
        return http.limits();
    }

    @Override
    public List<String> notices() {
        return http.notices();
    }

    /** The PromQL selector sent each poll. */
    String selector() {
        return selector;
    }

    @Override
    public ProviderSnapshot poll() throws ProviderException, InterruptedException {
        URI uri = api("query", "query=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
        HttpBody body = http.redact(http.get(uri, HttpFetcher.Expect.JSON));
        DcgmCollector collector = new DcgmCollector(mapping, null, Map.of());
        PromResponse.Outcome outcome;
        try {
            outcome = PromResponse.readVector(body.bytes(), collector::accept);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ProviderException(ProviderException.Kind.BAD_DATA, name, HttpFetcher.describe(uri)
                    + " answered with JSON that is not a Prometheus API answer: "
                    + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        if (!outcome.status().equals("success")) {
            throw new ProviderException(ProviderException.Kind.BAD_DATA, name, HttpFetcher.describe(uri)
                    + " answered status '" + outcome.status() + "'"
                    + (outcome.error() == null ? "" : ": " + outcome.error()));
        }
        if (!outcome.resultType().equals("vector")) {
            throw new ProviderException(ProviderException.Kind.BAD_DATA, name, HttpFetcher.describe(uri)
                    + " answered a " + outcome.resultType() + " where a vector was expected");
        }
        List<String> warnings = new ArrayList<>();
        for (String w : outcome.warnings()) {
            warnings.add("Prometheus warns: " + w);
        }
        if (collector.usedSamples() == 0) {
            warnings.add("no dcgm-exporter series match " + selector);
        }
        return new ProviderSnapshot(name, clock.instant(), collector.nodes(name, inventory), warnings);
    }

    /**
     * Fleet trends from the store, summed server-side (six {@code query_range} calls of one series each, however
     * large the fleet), for backfilling history at start.
     */
    @Override
    public Optional<AggregateHistory> aggregateHistory(Instant from, Instant to, Duration step)
            throws ProviderException, InterruptedException {
        int n = (int) (Duration.between(from, to).toMillis() / step.toMillis()) + 1;
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = from.toEpochMilli() + i * step.toMillis();
        }
        String util = series(DcgmSeries.GPU_UTIL);
        String temp = series(DcgmSeries.GPU_TEMP);
        return Optional.of(new AggregateHistory(times,
                range("sum(" + util + ")", from, to, step, n), range("count(" + util + ")", from, to, step, n),
                range("sum(" + series(DcgmSeries.POWER_USAGE) + ")", from, to, step, n),
                range("sum(" + temp + ")", from, to, step, n), range("count(" + temp + ")", from, to, step, n),
                range("max(" + temp + ")", from, to, step, n), java.util.Map.of()));
    }

    private String series(DcgmSeries s) {
        return s.metricName() + (matchers.isEmpty() ? "" : "{" + matchers + "}");
    }

    private double[] range(String promql, Instant from, Instant to, Duration step, int n)
            throws ProviderException, InterruptedException {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        URI uri = api("query_range", "query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&start="
                + from.getEpochSecond() + "&end=" + to.getEpochSecond() + "&step=" + step.toSeconds() + "s");
        HttpBody body = http.redact(http.get(uri, HttpFetcher.Expect.JSON));
        long start = from.toEpochMilli();
        long stepMs = step.toMillis();
        try {
            PromResponse.Outcome o = PromResponse.read(body.bytes(), (labels, t, v) -> {
                long i = Math.round((double) (t - start) / stepMs);
                if (i >= 0 && i < n) {
                    out[(int) i] = v;
                }
            });
            if (!o.status().equals("success")) {
                throw new ProviderException(ProviderException.Kind.BAD_DATA, name, "query_range answered '"
                        + o.status() + "'" + (o.error() == null ? "" : ": " + o.error()));
            }
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ProviderException(ProviderException.Kind.BAD_DATA, name, HttpFetcher.describe(uri)
                    + " answered with JSON that is not a Prometheus API answer", e);
        }
        return out;
    }

    private URI api(String endpoint, String query) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b : b + "/") + "api/v1/" + endpoint + "?" + query);
    }

    @Override
    public void close() {
        http.close();
    }
}
