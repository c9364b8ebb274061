package dev.fleetdeck.service.noc;

import dev.fleetdeck.model.Capacity;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.alerts.Alert;
import dev.fleetdeck.service.idle.IdleReport;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * FleetDeck's derived figures of one frame in the Prometheus text exposition format (version 0.0.4): what the team's
 * Prometheus scrapes from {@code serve}'s {@code /metrics} and Grafana charts. Names follow Prometheus' conventions —
 * the {@code fleetdeck_} prefix, base units in the name, {@code _total} only on counters — and pass
 * {@code promtool check metrics}. Tenant names are customer data: they appear only when asked for. Any thread.
 */
public final class FrameMetrics {
    private static final String[] CAPACITY = {
        "fleetdeck_gpus", "GPUs in the fleet (any state)",
        "fleetdeck_gpus_free", "GPUs not rented or reserved",
        "fleetdeck_gpus_sellable", "free GPUs with no health problem: what sales can offer now",
        "fleetdeck_gpus_rented", "GPUs rented to a tenant",
        "fleetdeck_gpus_reserved", "GPUs reserved for a tenant",
        "fleetdeck_gpus_unavailable", "GPUs out of service (maintenance, down, unreachable)",
    };

    private FrameMetrics() {
    }

    /** The exposition text of {@code frame}, measured at {@code now}. */
    public static String text(FleetFrame frame, Instant now, boolean tenants, String version) {
        StringBuilder b = new StringBuilder(16_384);
        header(b, "fleetdeck_build_info", "gauge", "the FleetDeck version serving these metrics (always 1)");
        sample(b, "fleetdeck_build_info", Map.of("version", version), 1);
        capacity(b, frame);
        unhealthy(b, frame);
        idle(b, frame.idle(), tenants);
        providers(b, frame, now);
        alerts(b, frame);
        header(b, "fleetdeck_frame_timestamp_seconds", "gauge", "when the frame these figures come from was taken");
        sample(b, "fleetdeck_frame_timestamp_seconds", Map.of(), frame.snapshot().takenAt().toEpochMilli() / 1000.0);
        header(b, "fleetdeck_frame_sequence", "gauge", "the frame's sequence number (grows with every poll cycle)");
        sample(b, "fleetdeck_frame_sequence", Map.of(), frame.snapshot().sequence());
        return b.toString();
    }

    private static void capacity(StringBuilder b, FleetFrame frame) {
        java.util.List<Function<Capacity, Integer>> values = java.util.List.of(Capacity::total, Capacity::free,
                Capacity::sellable, Capacity::rented, Capacity::reserved, Capacity::unavailable);
        for (int i = 0; i < CAPACITY.length; i += 2) {
            header(b, CAPACITY[i], "gauge", CAPACITY[i + 1] + ", by model, region and provider");
            for (Capacity c : frame.snapshot().detailed()) {
                sample(b, CAPACITY[i], Map.of("model", c.gpuModel(), "region", c.region(), "provider", c.provider()),
                        values.get(i / 2).apply(c));
            }
        }
    }

    /** Unhealthy GPUs by reason code and severity; a GPU with two reasons counts under each. */
    private static void unhealthy(StringBuilder b, FleetFrame frame) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Node n : frame.snapshot().nodes()) {
            for (Gpu g : n.gpus()) {
                if (g.health() != Health.WARN && g.health() != Health.CRIT) {
                    continue;
                }
                java.util.List<HealthReason> reasons = g.healthReasons().isEmpty() ? n.healthReasons()
                        : g.healthReasons();
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (HealthReason r : reasons) {
                    if (r.severity().ordinal() >= Health.WARN.ordinal() && seen.add(r.code())) {
                        counts.merge(r.code() + '\u0000' + severity(r.severity()), 1, Integer::sum);
                    }
                }
                if (seen.isEmpty()) {
                    counts.merge("unknown" + '\u0000' + severity(g.health()), 1, Integer::sum);
                }
            }
        }
        header(b, "fleetdeck_gpus_unhealthy", "gauge", "GPUs with a health finding, by reason and severity");
        counts.forEach((k, v) -> {
            String[] p = k.split("\u0000", 2);
            sample(b, "fleetdeck_gpus_unhealthy", Map.of("reason", p[0], "severity", p[1]), v);
        });
    }

    private static void idle(StringBuilder b, IdleReport idle, boolean tenants) {
        header(b, "fleetdeck_gpus_idle_rented", "gauge", "rented GPUs idle for the idle duration or longer"
                + (tenants ? ", by tenant" : ""));
        header(b, "fleetdeck_idle_cost_dollars_per_hour", "gauge", "list price per hour of the idle rented GPUs"
                + (tenants ? ", by tenant" : ""));
        if (tenants) {
            for (IdleReport.Group g : idle.byTenant()) {
                sample(b, "fleetdeck_gpus_idle_rented", Map.of("tenant", g.name()), g.idleGpus());
            }
            for (IdleReport.Group g : idle.byTenant()) {
                sample(b, "fleetdeck_idle_cost_dollars_per_hour", Map.of("tenant", g.name()), g.costPerHour());
            }
        } else {
            sample(b, "fleetdeck_gpus_idle_rented", Map.of(), idle.idleGpus());
            sample(b, "fleetdeck_idle_cost_dollars_per_hour", Map.of(), idle.costPerHour());
        }
    }

    private static void providers(StringBuilder b, FleetFrame frame, Instant now) {
        header(b, "fleetdeck_provider_up", "gauge", "1 when the source's last poll succeeded (ok or degraded)");
        for (ProviderStatus p : frame.providers()) {
            boolean up = p.state() == ProviderState.OK || p.state() == ProviderState.DEGRADED;
            sample(b, "fleetdeck_provider_up", Map.of("provider", p.name(), "type", p.type()), up ? 1 : 0);
        }
        header(b, "fleetdeck_provider_state", "gauge", "the source's state: 1 for the state it is in, 0 otherwise");
        for (ProviderStatus p : frame.providers()) {
            for (ProviderState s : ProviderState.values()) {
                sample(b, "fleetdeck_provider_state", Map.of("provider", p.name(), "state",
                        s.name().toLowerCase(Locale.ROOT)), p.state() == s ? 1 : 0);
            }
        }
        header(b, "fleetdeck_provider_data_age_seconds", "gauge", "how old the source's newest good data is");
        for (ProviderStatus p : frame.providers()) {
            p.lastSuccess().ifPresent(at -> sample(b, "fleetdeck_provider_data_age_seconds",
                    Map.of("provider", p.name()), Math.max(0, Duration.between(at, now).toMillis()) / 1000.0));
        }
        header(b, "fleetdeck_provider_nodes", "gauge", "nodes the source reported in its last good answer");
        for (ProviderStatus p : frame.providers()) {
            sample(b, "fleetdeck_provider_nodes", Map.of("provider", p.name()), p.nodes());
        }
    }

    private static void alerts(StringBuilder b, FleetFrame frame) {
        Map<String, Integer> firing = new TreeMap<>();
        for (Alert a : frame.alerts().firing()) {
            firing.merge(a.rule() + '\u0000' + severity(a.severity()), 1, Integer::sum);
        }
        header(b, "fleetdeck_alerts_firing", "gauge", "FleetDeck's own alerts firing now, by rule and severity");
        firing.forEach((k, v) -> {
            String[] p = k.split("\u0000", 2);
            sample(b, "fleetdeck_alerts_firing", Map.of("rule", p[0], "severity", p[1]), v);
        });
    }

    /** Alertmanager's and Prometheus' usual words for a severity. */
    public static String severity(Health h) {
        return switch (h) {
            case CRIT -> "critical";
            case WARN -> "warning";
            case UNKNOWN -> "unknown";
            case OK -> "ok";
        };
    }

    private static void header(StringBuilder b, String name, String type, String help) {
        b.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder b, String name, Map<String, String> labels, double value) {
        b.append(name);
        if (!labels.isEmpty()) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                b.append(e.getKey()).append("=\"").append(escape(e.getValue())).append('"');
            }
            b.append('}');
        }
        b.append(' ');
        if (Double.isNaN(value)) {
            b.append("NaN");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            b.append((long) value);
        } else {
            b.append(value);
        }
        b.append('\n');
    }

    /** Label values: backslash, double quote and line feed escaped, as the format requires. */
    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
