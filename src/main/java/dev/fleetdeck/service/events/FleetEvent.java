package dev.fleetdeck.service.events;

import dev.fleetdeck.model.Health;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened in the fleet, as FleetDeck saw it.
 *
 * @param at       when it was seen (snapshot time)
 * @param kind     what kind of event
 * @param severity how much it matters, in the health colour language
 * @param provider the provider concerned
 * @param node     the node concerned, or empty for provider-wide events
 * @param gpu      the GPU index, or -1
 * @param message  one line for people
 */
public record FleetEvent(Instant at, Kind kind, Health severity, String provider, String node, int gpu,
                         String message) {

    /** Event kinds. */
    public enum Kind {
        PROVIDER_STATE, NODE_STATE, RENTAL_STARTED, RENTAL_ENDED, XID, GPU_MISSING
    }

    public FleetEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(message, "message");
    }
}
