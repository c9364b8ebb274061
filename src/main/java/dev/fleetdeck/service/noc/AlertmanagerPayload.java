package dev.fleetdeck.service.noc;

import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.service.alerts.Alert;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One alert as Alertmanager's API v2 takes it ({@code postableAlert}): labels that identify it ({@code alertname},
 * {@code severity}, and {@code provider}, {@code region}, {@code model}, {@code node}, {@code tenant} as its scope
 * gives them), annotations that explain it (summary, value, the node's health reasons), {@code startsAt} and
 * {@code endsAt}. The labels are the same on every send, so Alertmanager sees one alert, not a new one each time.
 */
final class AlertmanagerPayload {
    private AlertmanagerPayload() {
    }

    /**
     * @param node   the node a node-scoped alert is about, for its region, model, tenant and reasons
     * @param endsAt when Alertmanager should consider it over: a few resends ahead while firing, or when it resolved
     */
    static ObjectNode of(Alert a, Optional<Node> node, Instant endsAt, JsonMapper json) {
        ObjectNode body = json.createObjectNode();
        ObjectNode labels = body.putObject("labels");
        labels.put("alertname", a.rule());
        labels.put("severity", FrameMetrics.severity(a.severity()));
        labels.put("generator", "fleetdeck");
        switch (a.scope()) {
            case PROVIDER -> labels.put("provider", a.group());
            case REGION -> labels.put("region", a.group());
            case MODEL -> labels.put("model", a.group());
            case TENANT -> labels.put("tenant", a.group());
            case NODE -> {
                int slash = a.group().indexOf('/');
                labels.put("provider", slash < 0 ? a.group() : a.group().substring(0, slash));
                labels.put("node", slash < 0 ? a.group() : a.group().substring(slash + 1));
            }
            case FLEET -> { }
        }
        ObjectNode notes = body.putObject("annotations");
        notes.put("summary", a.summary());
        notes.put("value", a.value());
        node.ifPresent(n -> {
            // Node facts as annotations, not labels: a tenant or region change must not make it a new alert.
            notes.put("region", n.region());
            notes.put("model", n.gpuModel());
            n.tenant().ifPresent(t -> notes.put("tenant", t));
            String sick = n.gpus().stream().filter(g -> g.health() == dev.fleetdeck.model.Health.WARN
                    || g.health() == dev.fleetdeck.model.Health.CRIT).map(g -> Integer.toString(g.index()))
                    .collect(Collectors.joining(","));
            if (!sick.isEmpty()) {
                // An annotation, not a label: which GPU is worst changes, and a label change would make a new alert.
                notes.put("gpu", sick);
            }
            String actions = n.gpus().stream().filter(g -> g.lastXid() != 0).map(g -> g.lastXid()).distinct()
                    .map(dev.fleetdeck.service.health.XidCatalog::advice).flatMap(Optional::stream)
                    .map(x -> "XID " + x.xid() + " (" + x.description() + "): " + x.action())
                    .collect(Collectors.joining("; "));
            if (!actions.isEmpty()) {
                notes.put("action", actions); // NVIDIA's recommended action for the XIDs the node reports
            }
            if (!n.healthReasons().isEmpty()) {
                notes.put("reasons", n.healthReasons().stream().map(HealthReason::message)
                        .collect(Collectors.joining("; ")));
            }
        });
        body.put("startsAt", a.firedAt().orElse(a.pendingSince()).toString());
        body.put("endsAt", endsAt.toString());
        return body;
    }
}
