package dev.fleetdeck.model;

import java.util.Locale;

/**
 * Why a GPU runs below its maximum clocks, after nvidia-smi's {@code clocks_event_reasons.*} and DCGM's
 * violation counters. Idle and application-clock settings are left out: they are not a problem.
 */
public enum ThrottleReason {
    SW_POWER_CAP, HW_SLOWDOWN, HW_THERMAL_SLOWDOWN, HW_POWER_BRAKE, SW_THERMAL_SLOWDOWN, SYNC_BOOST;

    /** Whether this reason means heat, as opposed to power or coordination. */
    public boolean isThermal() {
        return this == HW_THERMAL_SLOWDOWN || this == SW_THERMAL_SLOWDOWN;
    }

    /** Lower-case label for display and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
