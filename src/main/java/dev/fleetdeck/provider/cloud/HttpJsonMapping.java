package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.OfferKind;
import dev.fleetdeck.provider.ProviderOptions;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the {@code http-json} adapter finds things in an inventory answer: JSON Pointers (RFC 6901) for the list and
 * for each field, read from configuration. Pointers are checked when the configuration loads.
 */
record HttpJsonMapping(Optional<Nodes> nodes, Optional<Offers> offers) {

    /** Where nodes (instances, servers) are. */
    record Nodes(String items, String id, Optional<String> name, String model, String gpus, Optional<String> region,
                 Optional<String> status, Map<String, NodeState> states, NodeState defaultState,
                 Optional<String> price, boolean pricePerInstance, Optional<String> tenant,
                 Optional<String> utilization) {
    }

    /** Where offers (what can be rented) are. */
    record Offers(String items, String model, Optional<String> gpusPerInstance, Optional<String> region,
                  Optional<String> stock, Optional<String> stockLevel, Optional<String> price,
                  boolean pricePerInstance, OfferKind kind, Optional<String> instanceType) {
    }

    static HttpJsonMapping read(ProviderOptions o) {
        // A section counts once it names its list; asking only for 'items' keeps typos in it reportable.
        ProviderOptions nodeSection = o.section("nodes");
        ProviderOptions offerSection = o.section("offers");
        Optional<Nodes> nodes = nodeSection.findString("items").isPresent() ? Optional.of(nodes(nodeSection))
                : Optional.empty();
        Optional<Offers> offers = offerSection.findString("items").isPresent() ? Optional.of(offers(offerSection))
                : Optional.empty();
        if (nodes.isEmpty() && offers.isEmpty()) {
            o.error("nodes", "missing: map 'nodes.items' (instances) or 'offers.items' (capacity for rent), or both");
        }
        return new HttpJsonMapping(nodes, offers);
    }

    private static Nodes nodes(ProviderOptions n) {
        Map<String, NodeState> states = new LinkedHashMap<>();
        ProviderOptions map = n.section("states");
        for (String key : map.keys()) {
            state(map, key, map.getString(key, "")).ifPresent(s -> states.put(key.toLowerCase(Locale.ROOT), s));
        }
        NodeState dflt = state(n, "default-state", n.getString("default-state", "reserved")).orElse(NodeState.RESERVED);
        return new Nodes(required(n, "items"), required(n, "id"), optional(n, "name"), required(n, "model"),
                required(n, "gpus"), optional(n, "region"), optional(n, "status"), states, dflt,
                optional(n, "price"), per(n), optional(n, "tenant"), optional(n, "utilization"));
    }

    private static Offers offers(ProviderOptions n) {
        String kindText = n.getString("kind", "on-demand");
        OfferKind kind = OfferKind.of(kindText);
        if (kind == null) {
            n.error("kind", Redaction.quote(kindText) + " is not one of on-demand, spot, community, reserved");
            kind = OfferKind.ON_DEMAND;
        }
        Optional<String> stock = optional(n, "stock");
        Optional<String> level = optional(n, "stock-level");
        if (stock.isEmpty() && level.isEmpty()) {
            n.error("stock", "missing: a pointer to a GPU count (stock) or to a level such as high/low (stock-level)");
        }
        return new Offers(required(n, "items"), required(n, "model"), optional(n, "gpus-per-instance"),
                optional(n, "region"), stock, level, optional(n, "price"), per(n), kind,
                optional(n, "instance-type"));
    }

    private static boolean per(ProviderOptions n) {
        String per = n.getString("price-per", "gpu-hour");
        if (!per.equals("gpu-hour") && !per.equals("instance-hour")) {
            n.error("price-per", Redaction.quote(per) + " is not gpu-hour or instance-hour");
        }
        return per.equals("instance-hour");
    }

    private static Optional<NodeState> state(ProviderOptions o, String key, String text) {
        for (NodeState s : NodeState.values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return Optional.of(s);
            }
        }
        o.error(key, Redaction.quote(text) + " is not a node state (available, rented, reserved, maintenance, down)");
        return Optional.empty();
    }

    private static String required(ProviderOptions o, String key) {
        Optional<String> p = o.findString(key);
        if (p.isEmpty()) {
            o.error(key, "missing: a JSON Pointer such as /data/items");
            return "/";
        }
        return checked(o, key, p.get());
    }

    private static Optional<String> optional(ProviderOptions o, String key) {
        return o.findString(key).map(p -> checked(o, key, p));
    }

    /** A JSON Pointer: empty (the whole document) or {@code /}-separated, with {@code ~0}/{@code ~1} escapes. */
    private static String checked(ProviderOptions o, String key, String pointer) {
        if (!pointer.isEmpty() && (!pointer.startsWith("/") || pointer.matches(".*~[^01].*|.*~$"))) {
            o.error(key, Redaction.quote(pointer) + " is not a JSON Pointer: write /field/sub-field (RFC 6901)");
        }
        return pointer;
    }
}
