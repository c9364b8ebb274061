package dev.fleetdeck.service.events;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.health.XidCatalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Compares each snapshot with the previous one and writes what changed to an {@link EventLog}: provider state
 * changes, node state changes, rentals starting and ending, new XIDs and GPUs that disappeared. The first sight of a
 * node sets its baseline; only an XID it already carries is logged then ("present at first poll"), so that an XID
 * the health line reports always has its event. When a provider's nodes all become unreachable at once, that is one
 * event, not thousands.
 *
 * <p>Threads: a polling-service listener on the assembler thread; not thread-safe on its own.
 */
public final class EventDetector implements Consumer<FleetSnapshot> {
    /** Above this many state changes of one kind per provider in one snapshot, they are summarised in one event. */
    static final int SUMMARISE_ABOVE = 5;

    private record NodeKey(String provider, String hostname) {
    }

    private record Seen(NodeState state, Optional<String> tenant, int gpus, int[] xids) {
    }

    private final EventLog log;
    private Map<String, ProviderState> providers = Map.of();
    private Map<NodeKey, Seen> nodes;

    public EventDetector(EventLog log) {
        this.log = log;
    }

    @Override
    public void accept(FleetSnapshot snap) {
        providerEvents(snap);
        Map<NodeKey, Seen> now = new HashMap<>(Math.max(16, snap.nodes().size() * 4 / 3));
        Map<String, List<FleetEvent>> unreachable = new HashMap<>();
        for (Node node : snap.nodes()) {
            NodeKey key = new NodeKey(node.provider(), node.hostname());
            int[] xids = new int[node.gpus().size()];
            for (int i = 0; i < xids.length; i++) {
                xids[i] = node.gpus().get(i).lastXid();
            }
            Seen seen = new Seen(node.state(), node.tenant(), node.gpus().size(), xids);
            now.put(key, seen);
            Seen before = nodes == null ? null : nodes.get(key);
            if (before != null) {
                nodeEvents(snap, node, before, seen, unreachable);
            } else {
                xidsAtFirstSight(snap.takenAt(), node);
            }
        }
        unreachable.forEach((provider, list) -> {
            if (list.size() > SUMMARISE_ABOVE) {
                log.add(new FleetEvent(snap.takenAt(), FleetEvent.Kind.NODE_STATE, Health.UNKNOWN, provider, "", -1,
                        Units.count(list.size()) + " nodes of " + provider
                                + " became unreachable (provider not answering)"));
            } else {
                list.forEach(log::add);
            }
        });
        nodes = now;
    }

    private void providerEvents(FleetSnapshot snap) {
        Map<String, ProviderState> now = new HashMap<>();
        for (ProviderStatus p : snap.providers()) {
            now.put(p.name(), p.state());
            ProviderState before = providers.get(p.name());
            if (before != null && before != p.state() && p.state() != ProviderState.STARTING) {
                Health severity = switch (p.state()) {
                    case OK -> Health.OK;
                    case DEGRADED, STALE -> Health.WARN;
                    case DOWN, AUTH_ERROR, CONFIG_ERROR -> Health.CRIT;
                    case STARTING -> Health.UNKNOWN;
                };
                log.add(new FleetEvent(snap.takenAt(), FleetEvent.Kind.PROVIDER_STATE, severity, p.name(), "", -1,
                        "provider " + p.name() + ": " + before.label() + " → " + p.state().label()
                                + p.lastError().map(e -> " (" + e + ")").orElse("")));
            }
        }
        providers = now;
    }

    private void nodeEvents(FleetSnapshot snap, Node node, Seen before, Seen now,
                            Map<String, List<FleetEvent>> unreachable) {
        var at = snap.takenAt();
        if (before.state() != now.state()) {
            if (now.state() == NodeState.UNREACHABLE) {
                unreachable.computeIfAbsent(node.provider(), k -> new java.util.ArrayList<>()).add(new FleetEvent(at,
                        FleetEvent.Kind.NODE_STATE, Health.UNKNOWN, node.provider(), node.hostname(), -1,
                        node.hostname() + ": " + before.state().label() + " → unreachable"));
            } else if (now.state() == NodeState.RENTED) {
                add(at, FleetEvent.Kind.RENTAL_STARTED, Health.OK, node, -1, node.hostname() + ": rented"
                        + now.tenant().map(t -> " by " + t).orElse("") + " (" + node.gpuCount() + " × "
                        + node.gpuModel() + ")");
            } else if (before.state() == NodeState.RENTED) {
                add(at, FleetEvent.Kind.RENTAL_ENDED, Health.OK, node, -1, node.hostname() + ": rental ended"
                        + before.tenant().map(t -> " (" + t + ")").orElse("") + ", now " + now.state().label());
            } else {
                Health severity = now.state() == NodeState.DOWN ? Health.CRIT
                        : now.state() == NodeState.MAINTENANCE ? Health.WARN : Health.OK;
                add(at, FleetEvent.Kind.NODE_STATE, severity, node, -1,
                        node.hostname() + ": " + before.state().label() + " → " + now.state().label());
            }
        } else if (now.state() == NodeState.RENTED && !before.tenant().equals(now.tenant())) {
            add(at, FleetEvent.Kind.RENTAL_STARTED, Health.OK, node, -1, node.hostname() + ": rented"
                    + now.tenant().map(t -> " by " + t).orElse("") + " (tenant changed)");
        }
        if (now.gpus() < before.gpus() && now.state() != NodeState.DOWN && now.state() != NodeState.UNREACHABLE) {
            add(at, FleetEvent.Kind.GPU_MISSING, Health.CRIT, node, -1, node.hostname() + ": "
                    + (before.gpus() - now.gpus()) + " GPU(s) no longer reported (" + now.gpus() + " of "
                    + node.expectedGpus() + ")");
        }
        List<Gpu> gpus = node.gpus();
        for (int i = 0; i < gpus.size(); i++) {
            int xid = now.xids()[i];
            int old = i < before.xids().length ? before.xids()[i] : 0;
            if (xid != 0 && xid != old) {
                add(at, FleetEvent.Kind.XID, XidCatalog.isSerious(xid) ? Health.CRIT : Health.WARN, node,
                        gpus.get(i).index(), node.hostname() + " GPU " + gpus.get(i).index() + ": XID " + xid
                                + XidCatalog.describe(xid).map(d -> " (" + d + ")").orElse(""));
            }
        }
    }

    /** XIDs a node already reports when it is first seen: the provider's last XID per GPU, time unknown. */
    private void xidsAtFirstSight(java.time.Instant at, Node node) {
        for (Gpu g : node.gpus()) {
            int xid = g.lastXid();
            if (xid != 0) {
                add(at, FleetEvent.Kind.XID, XidCatalog.isSerious(xid) ? Health.CRIT : Health.WARN, node, g.index(),
                        node.hostname() + " GPU " + g.index() + ": XID " + xid + XidCatalog.describe(xid)
                                .map(d -> " (" + d + ")").orElse("") + ", present at first poll");
            }
        }
    }

    private void add(java.time.Instant at, FleetEvent.Kind kind, Health severity, Node node, int gpu, String msg) {
        log.add(new FleetEvent(at, kind, severity, node.provider(), node.hostname(), gpu, msg));
    }
}
