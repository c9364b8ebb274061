package dev.fleetdeck.support;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;

/** A test provider whose poll is a lambda. */
public record LambdaProvider(String name, Poll body) implements FleetProvider {

    /** The body of {@link FleetProvider#poll()}. */
    @FunctionalInterface
    public interface Poll {
        ProviderSnapshot run() throws ProviderException, InterruptedException;
    }

    @Override
    public String type() {
        return "test";
    }

    @Override
    public ProviderSnapshot poll() throws ProviderException, InterruptedException {
        return body.run();
    }
}
