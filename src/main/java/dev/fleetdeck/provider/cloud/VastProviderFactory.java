package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.ProviderSpec;
import dev.fleetdeck.provider.http.HttpFetcher;

import java.time.Clock;

/**
 * {@code type: vast}:
 * <pre>
 * options:
 *   api-key: env:VAST_API_KEY
 *   url: https://console.vast.ai/api/v0     # default
 *   min-reliability: 0.95                   # machines below this are not counted
 *   verified-only: true
 *   limit: 1000                             # offers per search
 *   instances-as: reserved
 * </pre>
 */
public final class VastProviderFactory implements ProviderFactory {
    @Override
    public String type() {
        return VastProvider.TYPE;
    }

    @Override
    public String description() {
        return "Vast.ai marketplace: offers summed per model and country, and this account's instances";
    }

    @Override
    public FleetProvider create(ProviderSpec spec) {
        ProviderOptions o = spec.options();
        var base = CloudHttp.baseUrl(o, VastProvider.DEFAULT_URL);
        double reliability = o.getDouble("min-reliability", 0.95, 0, 1);
        boolean verified = o.getBoolean("verified-only", true);
        int limit = o.getInt("limit", 1000, 1, 10_000);
        var state = InstanceRole.read(o);
        return new VastProvider(spec.name(), base, reliability, verified, limit, new HttpFetcher(spec.name(),
                CloudHttp.settings(spec, true)), state, Clock.systemUTC());
    }
}
