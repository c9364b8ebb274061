package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.ProviderSpec;
import dev.fleetdeck.provider.http.HttpFetcher;
import dev.fleetdeck.provider.http.RequestPacer;

import java.time.Clock;
import java.time.Duration;

/**
 * {@code type: lambda}:
 * <pre>
 * options:
 *   api-key: env:LAMBDA_API_KEY
 *   url: https://cloud.lambda.ai/api/v1     # default
 *   request-spacing: 1s                     # Lambda allows one request per second
 *   instances-as: reserved                  # reserved | rented | available
 * </pre>
 */
public final class LambdaCloudProviderFactory implements ProviderFactory {
    @Override
    public String type() {
        return LambdaCloudProvider.TYPE;
    }

    @Override
    public String description() {
        return "Lambda Cloud: instance types with regions in stock and prices, and this account's instances";
    }

    @Override
    public FleetProvider create(ProviderSpec spec) {
        ProviderOptions o = spec.options();
        var base = CloudHttp.baseUrl(o, LambdaCloudProvider.DEFAULT_URL);
        Duration spacing = o.getDuration("request-spacing", Duration.ofSeconds(1));
        if (spacing.compareTo(Duration.ofSeconds(1)) < 0) {
            o.error("request-spacing", "Lambda allows one request per second: use 1s or more");
        }
        var state = InstanceRole.read(o);
        var http = new HttpFetcher(spec.name(), CloudHttp.settings(spec, true));
        return new LambdaCloudProvider(spec.name(), base, http, new RequestPacer(spacing, RequestPacer.Ticker.system()),
                state, Clock.systemUTC());
    }
}
