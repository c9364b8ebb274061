package dev.fleetdeck.model;

import java.util.Locale;

/** How a configured provider is doing as a data source. */
public enum ProviderState {
    /** Not polled yet. */
    STARTING,
    /** Last poll succeeded with complete data. */
    OK,
    /** Last poll succeeded with partial data (warnings). */
    DEGRADED,
    /** Last good data is older than a few poll intervals. */
    STALE,
    /** Several consecutive polls failed. */
    DOWN,
    /** The provider refused our credentials (401/403). */
    AUTH_ERROR,
    /** The provider's configuration is wrong; it is not polled. */
    CONFIG_ERROR;

    /** Whether this state means the operator should look at the provider. */
    public boolean isTrouble() {
        return this != OK && this != STARTING;
    }

    /** Lower-case label for display and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
