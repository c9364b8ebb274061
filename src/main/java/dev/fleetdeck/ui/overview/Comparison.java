package dev.fleetdeck.ui.overview;

import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Units;

/**
 * "Compare with…": every overview tile says how its figure differs from the same tile at another moment ("+12 GPUs vs
 * 1 d before"), each difference with the tile's own unit. Without JavaFX; any thread.
 */
public final class Comparison {
    private Comparison() {
    }

    /**
     * The tiles of {@code now} with their difference from {@code then} in their bottom line.
     *
     * @param label how the other moment is named ("1 d before")
     */
    public static OverviewViewModel apply(OverviewViewModel now, OverviewViewModel then, String label) {
        return new OverviewViewModel(now.updated(),
                delta(now.totalGpus(), then.totalGpus(), "GPUs", label),
                delta(now.freeGpus(), then.freeGpus(), "GPUs", label),
                delta(now.sellableGpus(), then.sellableGpus(), "GPUs", label),
                delta(now.allocation(), then.allocation(), "pp", label),
                delta(now.utilization(), then.utilization(), "pp", label),
                power(now.power(), then.power(), label),
                delta(now.hottest(), then.hottest(), "°C", label),
                delta(now.unhealthy(), then.unhealthy(), "GPUs", label),
                delta(now.alerts(), then.alerts(), "alerts", label),
                delta(now.idleGpus(), then.idleGpus(), "GPUs", label),
                delta(now.idleCost(), then.idleCost(), "$/h", label),
                now.byModel(), now.byRegion(), now.providers(), now.providerProblems());
    }

    /** "+12 GPUs vs 1 d before", "±0 GPUs …", or "— vs …" when either moment has no figure. */
    static String difference(double now, double then, String unit, String label) {
        if (!Metrics.isPresent(now) || !Metrics.isPresent(then)) {
            return "no figure to compare " + label;
        }
        double d = now - then;
        boolean whole = unit.equals("GPUs") || unit.equals("alerts") || unit.equals("°C");
        String number = unit.equals("$/h") ? Units.costPerHour(Math.abs(d))
                : Units.number(Math.abs(d), whole ? 0 : 1) + (unit.equals("pp") ? " pp" : " " + unit);
        String sign = Math.abs(d) < (whole ? 0.5 : 0.05) ? "±" : d > 0 ? "+" : "−";
        return sign + number + " " + label;
    }

    private static OverviewViewModel.Figure delta(OverviewViewModel.Figure now, OverviewViewModel.Figure then,
                                                  String unit, String label) {
        double a = now.valueVisible() ? now.value() : Metrics.ABSENT;
        double b = then.valueVisible() ? then.value() : Metrics.ABSENT;
        return new OverviewViewModel.Figure(now.value(), now.valueVisible(), now.description(),
                difference(a, b, unit, label), now.health());
    }

    private static OverviewViewModel.Power power(OverviewViewModel.Power now, OverviewViewModel.Power then,
                                                 String label) {
        String d = difference(now.kw(), then.kw(), "kW", label);
        return new OverviewViewModel.Power(now.valueText(), now.kw(), now.limitKw(), now.at(), now.past(), d);
    }
}
