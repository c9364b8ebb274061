package dev.fleetdeck.ui.fleet;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the fleet table shows: free text (every word must match the node name, provider, region, model, tenant,
 * state, health or a GPU UUID, ignoring case) and sets of states, health values, models, regions, providers and
 * tenants (an empty set lets everything through). Immutable; pure Java, used off the FX thread.
 */
public record FleetFilter(String text, Set<NodeState> states, Set<Health> health, Set<String> models,
                          Set<String> regions, Set<String> providers, Set<String> tenants) {
    public static final FleetFilter NONE = new FleetFilter("", Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            Set.of());

    public FleetFilter {
        Objects.requireNonNull(text, "text");
        states = Set.copyOf(states);
        health = Set.copyOf(health);
        models = Set.copyOf(models);
        regions = Set.copyOf(regions);
        providers = Set.copyOf(providers);
        tenants = Set.copyOf(tenants);
    }

    public FleetFilter withText(String t) {
        return new FleetFilter(t, states, health, models, regions, providers, tenants);
    }

    public FleetFilter withStates(Set<NodeState> s) {
        return new FleetFilter(text, s, health, models, regions, providers, tenants);
    }

    public FleetFilter withHealth(Set<Health> h) {
        return new FleetFilter(text, states, h, models, regions, providers, tenants);
    }

    public FleetFilter withModels(Set<String> m) {
        return new FleetFilter(text, states, health, m, regions, providers, tenants);
    }

    public FleetFilter withRegions(Set<String> r) {
        return new FleetFilter(text, states, health, models, r, providers, tenants);
    }

    public FleetFilter withProviders(Set<String> p) {
        return new FleetFilter(text, states, health, models, regions, p, tenants);
    }

    public FleetFilter withTenants(Set<String> t) {
        return new FleetFilter(text, states, health, models, regions, providers, t);
    }

    /** Whether anything is filtered out at all. */
    public boolean isActive() {
        return !text.isBlank() || !states.isEmpty() || !health.isEmpty() || !models.isEmpty() || !regions.isEmpty()
                || !providers.isEmpty() || !tenants.isEmpty();
    }

    /** Whether a node passes. */
    public boolean test(Node node) {
        if (!states.isEmpty() && !states.contains(node.state())) {
            return false;
        }
        if (!health.isEmpty() && !health.contains(node.health())) {
            return false;
        }
        if (!models.isEmpty() && !models.contains(node.gpuModel())) {
            return false;
        }
        if (!regions.isEmpty() && !regions.contains(node.region())) {
            return false;
        }
        if (!providers.isEmpty() && !providers.contains(node.provider())) {
            return false;
        }
        if (!tenants.isEmpty() && !tenants.contains(node.tenant().orElse(FleetRows.NO_TENANT))) {
            return false;
        }
        return matchesText(node);
    }

    private boolean matchesText(Node node) {
        if (text.isBlank()) {
            return true;
        }
        for (String word : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!matchesWord(node, word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesWord(Node node, String word) {
        if (contains(node.hostname(), word) || contains(node.provider(), word) || contains(node.region(), word)
                || contains(node.gpuModel(), word) || contains(node.tenant().orElse(""), word)
                || node.state().label().equals(word) || node.health().label().equals(word)) {
            return true;
        }
        for (Gpu gpu : node.gpus()) {
            if (contains(gpu.uuid(), word)) {
                return true;
            }
        }
        return false;
    }

    /** Case-insensitive containment of a lower-case needle, without allocating. */
    static boolean contains(String hay, String lowerNeedle) {
        int n = lowerNeedle.length();
        int max = hay.length() - n;
        outer:
        for (int i = 0; i <= max; i++) {
            for (int j = 0; j < n; j++) {
                if (Character.toLowerCase(hay.charAt(i + j)) != lowerNeedle.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
