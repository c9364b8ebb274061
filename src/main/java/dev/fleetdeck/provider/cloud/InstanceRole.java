package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.ProviderOptions;

import java.util.Locale;

/**
 * What a running cloud instance of this account counts as in the fleet ({@code instances-as}): {@code reserved}
 * (default: held by us, not free to sell), {@code rented} (a reseller whose instances all serve customers) or
 * {@code available} (burst capacity we can still hand out).
 */
public final class InstanceRole {
    private InstanceRole() {
    }

    /** Reads {@code instances-as}. */
    public static NodeState read(ProviderOptions o) {
        String v = o.getString("instances-as", "reserved").strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "reserved" -> NodeState.RESERVED;
            case "rented" -> NodeState.RENTED;
            case "available" -> NodeState.AVAILABLE;
            default -> {
                o.error("instances-as", Redaction.quote(v) + " is not one of reserved, rented, available");
                yield NodeState.RESERVED;
            }
        };
    }
}
