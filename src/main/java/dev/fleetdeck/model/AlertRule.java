package dev.fleetdeck.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert rule: a value measured over each group of the fleet (its scope), compared with a threshold, that must
 * hold for a while before the alert fires.
 *
 * @param name      unique, shown in the alert ("gpu-hot")
 * @param metric    what is measured per group
 * @param reason    for {@link AlertMetric#REASON}: the health-reason code or code prefix counted ("xid-", "ecc-dbe")
 * @param above     true: fires when the value is above the threshold; false: below it
 * @param threshold the threshold, in the metric's unit
 * @param forAtLeast how long the condition must hold before the alert fires (0: at once)
 * @param severity  WARN or CRIT
 * @param scope     how the fleet is grouped: one alert per group
 * @param match     only the group with this name (e.g. one region); empty: every group
 */
public record AlertRule(String name, AlertMetric metric, String reason, boolean above, double threshold,
                        Duration forAtLeast, Health severity, AlertScope scope, Optional<String> match) {
    public AlertRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(forAtLeast, "forAtLeast");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(match, "match");
    }

    /** Whether a value meets the condition (an absent value never does). */
    public boolean holds(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        return above ? value > threshold : value < threshold;
    }

    /** "GPU temperature above 90 °C for 2 min" */
    public String describe() {
        String what = metric == AlertMetric.REASON ? "GPUs or nodes with " + reason + "*" : metric.label();
        return what + (above ? " above " : " below ") + metric.format(threshold)
                + (forAtLeast.isZero() ? "" : " for " + Units.age(forAtLeast));
    }
}
