package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.ProviderSpec;
import dev.fleetdeck.provider.http.HttpFetcher;

import java.time.Clock;

/**
 * {@code type: runpod}:
 * <pre>
 * options:
 *   api-key: env:RUNPOD_API_KEY           # sent as a bearer token, never in the URL
 *   url: https://api.runpod.io/graphql    # default
 *   gpu-count: 1                          # price and stock for pods of this many GPUs
 *   instances-as: reserved
 * </pre>
 */
public final class RunPodProviderFactory implements ProviderFactory {
    @Override
    public String type() {
        return RunPodProvider.TYPE;
    }

    @Override
    public String description() {
        return "RunPod (GraphQL): GPU types with stock level and lowest prices, and this account's pods";
    }

    @Override
    public FleetProvider create(ProviderSpec spec) {
        ProviderOptions o = spec.options();
        var endpoint = CloudHttp.baseUrl(o, RunPodProvider.DEFAULT_URL);
        int count = o.getInt("gpu-count", 1, 1, 16);
        var state = InstanceRole.read(o);
        return new RunPodProvider(spec.name(), endpoint, count, new HttpFetcher(spec.name(),
                CloudHttp.settings(spec, true)), state, Clock.systemUTC());
    }
}
