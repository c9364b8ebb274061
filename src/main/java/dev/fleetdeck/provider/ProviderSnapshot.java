package dev.fleetdeck.provider;

import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.Offer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one provider answered to one poll. Immutable.
 *
 * @param provider the provider's configured name
 * @param takenAt  when the data was read
 * @param nodes    nodes with their GPUs and metrics; health is evaluated later by the service
 * @param warnings partial-data problems (a host that did not answer, a field that did not parse); non-empty
 *                 makes the provider DEGRADED rather than OK
 * @param offers   what a cloud offers for rent now (market capacity); empty for fleet sources
 */
public record ProviderSnapshot(String provider, Instant takenAt, List<Node> nodes, List<String> warnings,
                               List<Offer> offers) {
    public ProviderSnapshot {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(takenAt, "takenAt");
        nodes = List.copyOf(nodes);
        warnings = List.copyOf(warnings);
        offers = List.copyOf(offers);
    }

    /** A fleet source's answer: nodes, no offers. */
    public ProviderSnapshot(String provider, Instant takenAt, List<Node> nodes, List<String> warnings) {
        this(provider, takenAt, nodes, warnings, List.of());
    }
}
