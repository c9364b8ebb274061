package dev.fleetdeck.service.assembly;

import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.provider.ProviderSnapshot;

import java.util.Objects;
import java.util.Optional;

/**
 * What the assembler needs to know about one provider: its status and its last good answer.
 *
 * @param status   the provider's status at assembly time
 * @param lastGood its last successful snapshot, kept while it fails so data is never silently dropped
 */
public record ProviderView(ProviderStatus status, Optional<ProviderSnapshot> lastGood) {
    public ProviderView {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastGood, "lastGood");
    }
}
