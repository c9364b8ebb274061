package dev.fleetdeck.provider.sim;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderSpec;

import java.time.Clock;

/** Creates {@code type: simulated} providers. */
public final class SimulatedProviderFactory implements ProviderFactory {
    /** The type name in configuration. */
    public static final String TYPE = "simulated";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "a deterministic simulated GPU cloud (options: seed, nodes, gpus-per-node, regions, models, tenants, "
                + "time-scale, host-prefix, start, event-rate, market)";
    }

    @Override
    public FleetProvider create(ProviderSpec spec) {
        SimSettings settings = SimSettings.from(spec.options(), spec.name());
        boolean market = spec.options().getBoolean("market", false);
        return new SimulatedProvider(spec.name(), settings, Clock.systemUTC(), market);
    }
}
