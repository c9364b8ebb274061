package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.ProviderSpec;
import dev.fleetdeck.provider.http.HttpFetcher;

import java.time.Clock;

/**
 * {@code type: lepton}:
 * <pre>
 * options:
 *   url: https://my-workspace.us-east.lepton.ai/api/v2   # the workspace API (required)
 *   api-key: env:LEPTON_API_TOKEN
 *   region: us-east                                     # where the node groups are (default: lepton)
 *   only-idle: false                                    # true: list only nodes without workloads
 * </pre>
 */
public final class LeptonProviderFactory implements ProviderFactory {
    @Override
    public String type() {
        return LeptonProvider.TYPE;
    }

    @Override
    public String description() {
        return "DGX Cloud Lepton dedicated node groups: nodes, GPUs allocated, paused, unhealthy";
    }

    @Override
    public FleetProvider create(ProviderSpec spec) {
        ProviderOptions o = spec.options();
        if (o.findString("url").isEmpty()) {
            o.error("url", "missing: the workspace API, e.g. https://my-workspace.us-east.lepton.ai/api/v2");
        }
        var base = CloudHttp.baseUrl(o, "https://workspace.lepton.ai/api/v2");
        String region = o.getString("region", "lepton");
        boolean onlyIdle = o.getBoolean("only-idle", false);
        return new LeptonProvider(spec.name(), base, region, onlyIdle, new HttpFetcher(spec.name(),
                CloudHttp.settings(spec, true)), Clock.systemUTC());
    }
}
