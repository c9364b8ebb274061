package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.ProviderSpec;
import dev.fleetdeck.provider.http.HttpFetcher;

import java.time.Clock;

/**
 * {@code type: together}:
 * <pre>
 * options:
 *   api-key: env:TOGETHER_API_KEY
 *   url: https://api.together.xyz/v1     # default
 *   instances-as: reserved
 * </pre>
 */
public final class TogetherProviderFactory implements ProviderFactory {
    @Override
    public String type() {
        return TogetherProvider.TYPE;
    }

    @Override
    public String description() {
        return "Together AI GPU clusters: worker nodes with region, GPU type and status";
    }

    @Override
    public FleetProvider create(ProviderSpec spec) {
        ProviderOptions o = spec.options();
        var base = CloudHttp.baseUrl(o, TogetherProvider.DEFAULT_URL);
        var state = InstanceRole.read(o);
        return new TogetherProvider(spec.name(), base, new HttpFetcher(spec.name(), CloudHttp.settings(spec, true)),
                state, Clock.systemUTC());
    }
}
