package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.ProviderSpec;
import dev.fleetdeck.provider.http.HttpFetcher;

import java.time.Clock;
import java.util.Optional;

/**
 * {@code type: http-json}: any JSON inventory, mapped with JSON Pointers.
 * <pre>
 * options:
 *   url: https://inventory.example.com/api/servers
 *   post-body: '{"query": "gpus"}'     # optional: POST this JSON instead of GET
 *   api-key: env:INVENTORY_TOKEN       # optional bearer token (or an auth section)
 *   nodes:
 *     items: /data/servers             # the list
 *     id: /id                          # required in every item
 *     name: /hostname
 *     model: /gpu/model                # "NVIDIA H100 80GB HBM3", "gpu_8x_h100_sxm5"… are normalised
 *     gpus: /gpu/count
 *     region: /location/region
 *     status: /state
 *     states: {running: rented, idle: available, broken: down, draining: maintenance}
 *     default-state: reserved
 *     price: /price_per_hour
 *     price-per: instance-hour         # or gpu-hour (default)
 *     tenant: /customer
 *     utilization: /gpu/util_pct
 *   offers:
 *     items: /offers
 *     model: /gpu_name
 *     gpus-per-instance: /num_gpus
 *     region: /region
 *     stock: /available_gpus           # a count; or stock-level: /availability (high, medium, low, none)
 *     price: /price
 *     kind: on-demand                  # on-demand, spot, community, reserved
 * </pre>
 */
public final class HttpJsonProviderFactory implements ProviderFactory {
    @Override
    public String type() {
        return HttpJsonProvider.TYPE;
    }

    @Override
    public String description() {
        return "any JSON inventory endpoint, mapped with JSON Pointers (nodes and/or offers)";
    }

    @Override
    public FleetProvider create(ProviderSpec spec) {
        ProviderOptions o = spec.options();
        if (o.findString("url").isEmpty()) {
            o.error("url", "missing: the inventory endpoint, e.g. https://inventory.example.com/api/servers");
        }
        var url = CloudHttp.baseUrl(o, "https://inventory.invalid/");
        Optional<String> body = o.findString("post-body");
        body.ifPresent(b -> {
            try {
                CloudJson.parse(b);
            } catch (RuntimeException e) {
                o.error("post-body", "not valid JSON");
            }
        });
        HttpJsonMapping mapping = HttpJsonMapping.read(o);
        return new HttpJsonProvider(spec.name(), url, body, mapping, new HttpFetcher(spec.name(),
                CloudHttp.settings(spec, false)), Clock.systemUTC());
    }
}
