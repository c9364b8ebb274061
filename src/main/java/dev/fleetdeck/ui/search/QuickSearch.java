package dev.fleetdeck.ui.search;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.ui.common.NodeKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds nodes, GPU UUIDs, tenants, models and regions by part of their text, ignoring case: exact matches first,
 * then prefixes, then anywhere. GPU UUIDs are searched from three characters on (a single letter matches most of a
 * 100k-GPU fleet). A scan of 100k GPUs takes a few milliseconds and runs on the view worker. Pure Java.
 */
public final class QuickSearch {
    public static final int LIMIT = 50;
    static final int MIN_UUID_QUERY = 3;

    private QuickSearch() {
    }

    public static List<SearchHit> find(FleetSnapshot snap, String query) {
        String q = query.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty() || snap == null) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        Map<String, int[]> tenants = new LinkedHashMap<>();
        Map<String, int[]> models = new LinkedHashMap<>();
        Map<String, int[]> regions = new LinkedHashMap<>();
        for (Node node : snap.nodes()) {
            String key = NodeKey.of(node.provider(), node.hostname());
            int r = rank(node.hostname(), q);
            if (r >= 0) {
                hits.add(new SearchHit(SearchHit.Kind.NODE, node.hostname(), node.provider() + " · " + node.region()
                        + " · " + node.gpuCount() + " × " + node.gpuModel() + " · " + node.state().label(), key, -1, r));
            }
            if (q.length() >= MIN_UUID_QUERY) {
                for (Gpu g : node.gpus()) {
                    int u = rank(g.uuid(), q);
                    if (u >= 0) {
                        hits.add(new SearchHit(SearchHit.Kind.GPU, g.uuid(), node.hostname() + " · GPU " + g.index()
                                + " · " + g.model(), key, g.index(), u));
                    }
                }
            }
            node.tenant().ifPresent(t -> count(tenants, t, q, node));
            count(models, node.gpuModel(), q, node);
            count(regions, node.region(), q, node);
        }
        group(hits, tenants, SearchHit.Kind.TENANT, q);
        group(hits, models, SearchHit.Kind.MODEL, q);
        group(hits, regions, SearchHit.Kind.REGION, q);
        hits.sort(Comparator.comparingInt(SearchHit::rank).thenComparing(SearchHit::kind)
                .thenComparing(SearchHit::label));
        return hits.size() > LIMIT ? List.copyOf(hits.subList(0, LIMIT)) : List.copyOf(hits);
    }

    private static void count(Map<String, int[]> into, String value, String q, Node node) {
        int[] c = into.get(value);
        if (c == null) {
            if (rank(value, q) < 0) {
                return;
            }
            c = new int[2];
            into.put(value, c);
        }
        c[0]++;
        c[1] += node.gpuCount();
    }

    private static void group(List<SearchHit> hits, Map<String, int[]> found, SearchHit.Kind kind, String q) {
        found.forEach((value, c) -> hits.add(new SearchHit(kind, value, Units.count(c[0]) + " nodes · "
                + Units.gpus(c[1]), "", -1, rank(value, q))));
    }

    /** 0 exact, 1 prefix, 2 contained, -1 not found (case-insensitive; {@code q} is lower case). */
    static int rank(String text, String q) {
        if (text.length() < q.length()) {
            return -1;
        }
        if (text.equalsIgnoreCase(q)) {
            return 0;
        }
        if (text.regionMatches(true, 0, q, 0, q.length())) {
            return 1;
        }
        for (int i = 1; i <= text.length() - q.length(); i++) {
            if (text.regionMatches(true, i, q, 0, q.length())) {
                return 2;
            }
        }
        return -1;
    }
}
