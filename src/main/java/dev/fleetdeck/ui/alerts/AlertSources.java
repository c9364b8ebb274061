package dev.fleetdeck.ui.alerts;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.service.FleetMonitor;
import dev.fleetdeck.service.alerts.AlertEngine;
import dev.fleetdeck.service.idle.IdleReport;

import java.util.function.Supplier;

/** Where the views read alerts and idle GPUs from: the running back end, or nothing (tests of other views). */
public record AlertSources(AlertEngine engine, Supplier<IdleReport> idle, AlertSettings settings) {
    /** The monitor's alert engine and idle tracker. */
    public static AlertSources of(FleetMonitor monitor) {
        return new AlertSources(monitor.alerts(), monitor.idle()::latest, monitor.alerts().settings());
    }

    /** An engine with the default rules that nobody feeds, and no idle GPUs. */
    public static AlertSources none() {
        AlertSettings s = AlertSettings.defaults();
        return new AlertSources(new AlertEngine(s, () -> IdleReport.EMPTY, null), () -> IdleReport.EMPTY, s);
    }
}
