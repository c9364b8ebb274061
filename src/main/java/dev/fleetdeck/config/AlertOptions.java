package dev.fleetdeck.config;

import dev.fleetdeck.model.AlertMetric;
import dev.fleetdeck.model.AlertRule;
import dev.fleetdeck.model.AlertScope;
import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.provider.ProviderOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code alerts:} section:
 * <pre>
 * alerts:
 *   default-rules: true        # keep the built-in rule set (rules below with the same name replace one)
 *   idle-below: 5              # % utilisation under which a rented GPU is idle…
 *   idle-for: 15m              # …once it stays there this long
 *   clear-after: 2m            # a firing alert resolves after its condition is false this long
 *   notify-every: 20s          # at most one desktop notification per interval
 *   history-file: ~/fleetdeck-alerts.jsonl   # default: $XDG_DATA_HOME/fleetdeck/alerts.jsonl
 *   history-max-size: 4MiB
 *   rules:
 *     - name: h100-hot
 *       metric: gpu-temperature  # gpu-temperature, memory-temperature, utilization, critical-gpus,
 *                                # unhealthy-gpus, sellable-gpus, idle-rented-gpus, idle-cost, providers-down, reason
 *       above: 88                # or below: N
 *       for: 3m
 *       severity: crit           # warn or crit
 *       scope: node              # fleet, provider, region, model, node, tenant
 *       match: H100              # only this group (optional)
 *     - name: fallen-off-the-bus
 *       metric: reason
 *       reason: gpu-missing      # a health-reason code, or the start of one ("xid-")
 *       severity: crit
 * </pre>
 */
final class AlertOptions {
    private AlertOptions() {
    }

    static AlertSettings read(ProviderOptions o) {
        AlertSettings d = AlertSettings.defaults();
        double idleBelow = o.getDouble("idle-below", d.idleBelowPct(), 0, 100);
        Duration idleFor = o.getDuration("idle-for", d.idleFor());
        Duration clearAfter = o.getDuration("clear-after", d.clearAfter());
        Duration notifyEvery = o.getDuration("notify-every", d.notifyEvery());
        Optional<Path> file = o.findString("history-file").map(p -> Path.of(p.startsWith("~/")
                ? System.getProperty("user.home") + p.substring(1) : p));
        long maxBytes = o.getByteSize("history-max-size", d.historyMaxBytes(), 64 * 1024, 1L << 30);
        boolean defaults = o.getBoolean("default-rules", true);
        List<AlertRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ProviderOptions r : o.sectionList("rules")) {
            rule(r).ifPresent(rule -> {
                if (!names.add(rule.name())) {
                    r.error("name", "two rules are named '" + rule.name() + "'");
                } else {
                    rules.add(rule);
                }
            });
        }
        List<AlertRule> all = new ArrayList<>();
        if (defaults) {
            for (AlertRule builtIn : AlertSettings.defaultRules()) {
                if (!names.contains(builtIn.name())) {
                    all.add(builtIn);
                }
            }
        }
        all.addAll(rules);
        return new AlertSettings(all, idleBelow, idleFor, clearAfter, notifyEvery, file, maxBytes);
    }

    private static Optional<AlertRule> rule(ProviderOptions r) {
        String name = r.getString("name", "");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            r.error("name", "a rule needs a name of letters, digits, '.', '_' or '-' (up to 64)");
        }
        AlertMetric metric = choice(r, "metric", AlertMetric.values(), AlertMetric::key, null);
        String reason = r.getString("reason", "");
        if (metric == AlertMetric.REASON && reason.isBlank()) {
            r.error("reason", "metric 'reason' needs the health-reason code to count, e.g. reason: xid-79");
        }
        boolean hasAbove = r.findString("above").isPresent();
        boolean hasBelow = r.findString("below").isPresent();
        if (hasAbove && hasBelow) {
            r.error("below", "give 'above' or 'below', not both");
        }
        boolean above = !hasBelow;
        double threshold = hasBelow ? r.getDouble("below", 0, -1e12, 1e12) : r.getDouble("above", 0, -1e12, 1e12);
        Duration forAtLeast = r.getDuration("for", Duration.ZERO);
        Health severity = choice(r, "severity", new Health[]{Health.WARN, Health.CRIT}, Health::label, Health.WARN);
        AlertScope scope = choice(r, "scope", AlertScope.values(), AlertScope::key, AlertScope.NODE);
        Optional<String> match = r.findString("match");
        if (metric == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new AlertRule(name, metric, reason, above, threshold, forAtLeast, severity, scope, match));
    }

    private static <T> T choice(ProviderOptions r, String key, T[] values, java.util.function.Function<T, String> name,
                                T dflt) {
        Optional<String> given = r.findString(key);
        if (given.isEmpty()) {
            if (dflt == null) {
                r.error(key, "missing; one of " + String.join(", ", Arrays.stream(values).map(name).toList()));
            }
            return dflt;
        }
        for (T v : values) {
            if (name.apply(v).equals(given.get().toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        r.error(key, "unknown " + key + " '" + given.get() + "'; one of "
                + String.join(", ", Arrays.stream(values).map(name).toList()));
        return dflt;
    }
}
