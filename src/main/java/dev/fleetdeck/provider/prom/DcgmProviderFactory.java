package dev.fleetdeck.provider.prom;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.ProviderSpec;
import dev.fleetdeck.provider.http.HttpFetcher;
import dev.fleetdeck.provider.http.HttpSettings;
import dev.fleetdeck.provider.prom.dcgm.LabelMapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code type: dcgm}. Options:
 * <pre>
 * targets: ["http://gpu-01:9400/metrics", "file:/data/scrape.txt"]
 * targets-file: /etc/prometheus/dcgm.json   # Prometheus file_sd JSON, re-read when it changes
 * scheme: http                # for file_sd targets
 * metrics-path: /metrics      # for file_sd targets
 * node-labels: [Hostname, hostname, node, kubernetes_node, instance]
 * region-label: region
 * tenant-label: namespace
 * region: unknown             # for series without a region label
 * http: {...}  auth: {...}    # the shared HTTP options
 * </pre>
 */
public final class DcgmProviderFactory implements ProviderFactory {
    public static final String TYPE = "dcgm";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "scrapes dcgm-exporter /metrics endpoints (or saved scrapes) directly";
    }

    @Override
    public FleetProvider create(ProviderSpec spec) {
        ProviderOptions o = spec.options();
        List<ScrapeTarget> fixed = new ArrayList<>();
        for (String t : o.getStringList("targets", List.of())) {
            try {
                fixed.add(ScrapeTargets.parse(t));
            } catch (IllegalArgumentException e) {
                o.error("targets", e.getMessage());
            }
        }
        Optional<Path> file = o.findString("targets-file").map(Path::of);
        if (file.isPresent() && !Files.isReadable(file.get())) {
            o.error("targets-file", "cannot read " + file.get());
        }
        if (fixed.isEmpty() && file.isEmpty()) {
            o.error("targets", "missing: list exporter URLs (http://host:9400/metrics) or give a targets-file");
        }
        String scheme = o.getString("scheme", "http");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            o.error("scheme", "must be http or https");
        }
        LabelMapping mapping = PrometheusProviderFactory.mapping(o);
        HttpSettings http = HttpSettings.from(spec);
        return new DcgmProvider(spec.name(), new ScrapeTargets(spec.name(), fixed, file, scheme,
                o.getString("metrics-path", "/metrics")), new HttpFetcher(spec.name(), http), mapping,
                http.maxResponseBytes(), Clock.systemUTC());
    }
}
