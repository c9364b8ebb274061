package dev.fleetdeck.config;

import dev.fleetdeck.model.AlertMetric;
import dev.fleetdeck.model.AlertRule;

import java.util.LinkedHashMap;
import java.util.Map;

/** An alert rule as a {@code alerts.rules} entry, in the keys {@link AlertOptions} reads back. */
public final class AlertRuleText {
    private AlertRuleText() {
    }

    /** The rule as an editable {@link ConfigTree} mapping. */
    public static Map<String, Object> toTree(AlertRule rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", rule.name());
        out.put("metric", rule.metric().key());
        if (rule.metric() == AlertMetric.REASON) {
            out.put("reason", rule.reason());
        } else {
            out.put(rule.above() ? "above" : "below", number(rule.threshold()));
        }
        if (!rule.forAtLeast().isZero()) {
            out.put("for", DurationText.format(rule.forAtLeast()));
        }
        out.put("severity", rule.severity().label());
        out.put("scope", rule.scope().key());
        rule.match().ifPresent(m -> out.put("match", m));
        return out;
    }

    /** A threshold as written: no trailing {@code .0}. */
    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
