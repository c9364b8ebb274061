package dev.fleetdeck.model;

import java.util.Locale;

/** How an alert rule groups the fleet: one alert per group. */
public enum AlertScope {
    FLEET, PROVIDER, REGION, MODEL, NODE, TENANT;

    /** The group a node belongs to ({@code null} for TENANT when nobody rents it: it is in no tenant group). */
    public String groupOf(Node node) {
        return switch (this) {
            case FLEET -> "fleet";
            case PROVIDER -> node.provider();
            case REGION -> node.region();
            case MODEL -> node.gpuModel();
            case NODE -> node.provider() + "/" + node.hostname();
            case TENANT -> node.tenant().orElse(null);
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
