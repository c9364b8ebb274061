package dev.fleetdeck.service.alerts;

import dev.fleetdeck.model.AlertSettings;

import java.util.List;
import java.util.Set;

/**
 * The alert engine as it stood after one cycle, copied so that any thread can read it: open alerts (firing first,
 * then by severity and time), the firing ones, the resolved ones (newest first), which firing ones are clearing
 * (their condition is false and they wait out {@code clear-after}), the settings they were evaluated under, and for
 * alerts silenced in another system (Alertmanager) by whom and why.
 */
public record AlertState(List<Alert> open, List<Alert> firing, List<Alert> past, Set<String> clearing,
                         AlertSettings settings, java.util.Map<String, String> silencedElsewhere) {
    public static final AlertState EMPTY = new AlertState(List.of(), List.of(), List.of(), Set.of(),
            AlertSettings.defaults());

    public AlertState {
        open = List.copyOf(open);
        firing = List.copyOf(firing);
        past = List.copyOf(past);
        clearing = Set.copyOf(clearing);
        silencedElsewhere = java.util.Map.copyOf(silencedElsewhere);
    }

    /** A state with every silence made in FleetDeck. */
    public AlertState(List<Alert> open, List<Alert> firing, List<Alert> past, Set<String> clearing,
                      AlertSettings settings) {
        this(open, firing, past, clearing, settings, java.util.Map.of());
    }

    /** Who silenced an alert outside FleetDeck ("Alertmanager: bob, maintenance window"), if someone did. */
    public java.util.Optional<String> silencedElsewhere(Alert a) {
        return java.util.Optional.ofNullable(silencedElsewhere.get(a.key()));
    }

    /** Whether a firing alert waits out {@code clear-after} before it resolves. */
    public boolean isClearing(Alert a) {
        return clearing.contains(a.key());
    }
}
