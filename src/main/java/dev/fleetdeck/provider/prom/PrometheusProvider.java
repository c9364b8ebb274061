package dev.fleetdeck.provider.prom;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final HttpFetcher http;
    private final LabelMapping mapping;
    private final Clock clock;
    private final Map<String, Integer> inventory = new ConcurrentHashMap<>();

    PrometheusProvider(String name, URI base, String extraMatchers, HttpFetcher http, LabelMapping mapping,
                       Clock clock) {
        this.name = name;
        this.base = base;
        this.selector = DcgmSeries.selector(extraMatchers);
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
        HttpBody body = http.get(uri, HttpFetcher.Expect.JSON);
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

    private URI api(String endpoint, String query) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b : b + "/") + "api/v1/" + endpoint + "?" + query);
    }

    @Override
    public void close() {
        http.close();
    }
}
