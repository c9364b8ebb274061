package dev.fleetdeck.provider.prom;

import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.ProviderSpec;
import dev.fleetdeck.provider.http.HttpFetcher;
import dev.fleetdeck.provider.http.HttpSettings;
import dev.fleetdeck.provider.prom.dcgm.LabelMapping;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * {@code type: prometheus}. Options:
 * <pre>
 * url: http://127.0.0.1:9090       # the API root (a path prefix such as /select/0/prometheus is fine)
 * selector: 'job="dcgm"'           # extra label matchers, added to every query
 * node-labels: [Hostname, hostname, node, kubernetes_node, instance]
 * region-label: region
 * tenant-label: namespace
 * region: unknown
 * http: {...}  auth: {...}
 * </pre>
 */
public final class PrometheusProviderFactory implements ProviderFactory {
    public static final String TYPE = "prometheus";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "dcgm-exporter series from Prometheus, Thanos, Mimir or VictoriaMetrics (PromQL over HTTP)";
    }

    @Override
    public FleetProvider create(ProviderSpec spec) {
        ProviderOptions o = spec.options();
        URI base = URI.create("http://127.0.0.1:9090");
        String url = o.findString("url").orElse(null);
        if (url == null) {
            o.error("url", "missing: the Prometheus API root, e.g. http://prometheus:9090");
        } else {
            try {
                base = URI.create(url.strip());
                if (base.getHost() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))
                        || base.getRawQuery() != null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                o.error("url", Redaction.quote(url) + " is not an http(s) URL without a query");
            }
        }
        String selector = o.getString("selector", "");
        if (selector.contains("{") || selector.contains("}")) {
            o.error("selector", "write only the matchers, without braces: job=\"dcgm\",cluster=\"a\"");
        }
        return new PrometheusProvider(spec.name(), base, selector, new HttpFetcher(spec.name(),
                HttpSettings.from(spec)), mapping(o), Clock.systemUTC());
    }

    /** The label options shared by the prometheus and dcgm providers. */
    static LabelMapping mapping(ProviderOptions o) {
        List<String> nodeLabels = o.getStringList("node-labels", LabelMapping.DEFAULT_NODE_LABELS);
        if (nodeLabels.isEmpty()) {
            o.error("node-labels", "needs at least one label");
            nodeLabels = LabelMapping.DEFAULT_NODE_LABELS;
        }
        return LabelMapping.of(nodeLabels, o.getString("region-label", "region"),
                o.getString("tenant-label", "namespace"), o.getString("region", "unknown"));
    }
}
