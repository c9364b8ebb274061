package dev.fleetdeck.ui.common;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What every view is built with: the header's source label, the clock and zone for times, where heavy work runs,
 * how to lead to another view, the alert actions, and the window's type scale (which sizes drawn text and column
 * widths follow).
 */
public record ViewContext(String sourceLabel, Clock clock, ZoneId zone, Offload offload, Navigator navigator,
                          AlertActions alertActions, TypeScale typeScale) {
    public ViewContext {
        Objects.requireNonNull(sourceLabel, "sourceLabel");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(offload, "offload");
        Objects.requireNonNull(navigator, "navigator");
        Objects.requireNonNull(alertActions, "alertActions");
        Objects.requireNonNull(typeScale, "typeScale");
    }

    /** A context with a type scale of its own (the window attaches it to its root). */
    public ViewContext(String sourceLabel, Clock clock, ZoneId zone, Offload offload, Navigator navigator,
                       AlertActions alertActions) {
        this(sourceLabel, clock, zone, offload, navigator, alertActions, new TypeScale());
    }

    /** The same context leading through another navigator. */
    public ViewContext withNavigator(Navigator next) {
        return new ViewContext(sourceLabel, clock, zone, offload, next, alertActions, typeScale);
    }
}
