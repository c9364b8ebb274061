package dev.fleetdeck.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code alerts:} configuration.
 *
 * @param rules              the rules evaluated on every snapshot
 * @param idleBelowPct       a rented GPU under this utilisation is idle…
 * @param idleFor            …once it has stayed under it this long
 * @param clearAfter         a firing alert resolves only after its condition has been false this long (damps flapping)
 * @param notifyEvery        at most one desktop notification per this interval (more are summed up in the next one)
 * @param historyFile        where alert history is kept; empty: the user's data directory
 * @param historyMaxBytes    the file is rotated (one previous file kept) beyond this size
 */
public record AlertSettings(List<AlertRule> rules, double idleBelowPct, Duration idleFor, Duration clearAfter,
                            Duration notifyEvery, Optional<Path> historyFile, long historyMaxBytes) {
    public AlertSettings {
        rules = List.copyOf(rules);
        Objects.requireNonNull(idleFor, "idleFor");
        Objects.requireNonNull(clearAfter, "clearAfter");
        Objects.requireNonNull(notifyEvery, "notifyEvery");
        Objects.requireNonNull(historyFile, "historyFile");
    }

    /** The built-in rule set and defaults. */
    public static AlertSettings defaults() {
        return new AlertSettings(defaultRules(), 5, Duration.ofMinutes(15), Duration.ofMinutes(2),
                Duration.ofSeconds(20), Optional.empty(), 4L << 20);
    }

    /** Rules sensible for a GPU cloud: hot GPUs, serious errors, GPUs lost, sources down, idle money, stock-outs. */
    public static List<AlertRule> defaultRules() {
        Optional<String> any = Optional.empty();
        return List.of(
                new AlertRule("gpu-hot", AlertMetric.GPU_TEMPERATURE, "", true, 90, Duration.ofMinutes(2), Health.WARN,
                        AlertScope.NODE, any),
                new AlertRule("gpu-critical", AlertMetric.CRITICAL_GPUS, "", true, 0, Duration.ZERO, Health.CRIT,
                        AlertScope.NODE, any),
                new AlertRule("xid-burst", AlertMetric.REASON, "xid-burst", true, 0, Duration.ZERO, Health.CRIT,
                        AlertScope.NODE, any),
                new AlertRule("ecc-single-bit-growth", AlertMetric.REASON, "ecc-sbe-growth", true, 0, Duration.ZERO,
                        Health.WARN, AlertScope.NODE, any),
                new AlertRule("sustained-throttling", AlertMetric.REASON, "throttle-sustained", true, 0, Duration.ZERO,
                        Health.WARN, AlertScope.NODE, any),
                new AlertRule("provider-down", AlertMetric.PROVIDERS_DOWN, "", true, 0, Duration.ofMinutes(1),
                        Health.CRIT, AlertScope.FLEET, any),
                new AlertRule("idle-cost", AlertMetric.IDLE_COST, "", true, 100, Duration.ofMinutes(10), Health.WARN,
                        AlertScope.TENANT, any),
                new AlertRule("stock-out", AlertMetric.SELLABLE_GPUS, "", false, 1, Duration.ofMinutes(5), Health.WARN,
                        AlertScope.MODEL, any));
    }
}
