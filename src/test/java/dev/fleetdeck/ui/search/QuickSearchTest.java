package dev.fleetdeck.ui.search;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.support.TestSnapshots;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quick search over nodes, UUIDs, tenants, models and regions. */
class QuickSearchTest {
    private final FleetSnapshot snap = TestSnapshots.reference(1, TestFleet.NOW);

    @Test
    void aUuidFragmentFindsTheGpuAndItsNode() {
        List<SearchHit> hits = QuickSearch.find(snap, "B1000000-0000-4000-8000-000000000006");
        assertEquals(1, hits.size());
        SearchHit hit = hits.getFirst();
        assertEquals(SearchHit.Kind.GPU, hit.kind());
        assertEquals("beta/b1", hit.nodeKey());
        assertEquals(6, hit.gpu());
        assertEquals(2, hit.rank(), "inside the UUID, after GPU-");
    }

    @Test
    void exactMatchesComeFirstThenPrefixesAndGroupsCountTheirNodes() {
        List<SearchHit> hits = QuickSearch.find(snap, "a1");
        assertEquals(SearchHit.Kind.NODE, hits.getFirst().kind());
        assertEquals("a1", hits.getFirst().label());
        assertEquals(0, hits.getFirst().rank());
        List<SearchHit> models = QuickSearch.find(snap, "h2");
        assertEquals(SearchHit.Kind.MODEL, models.getFirst().kind());
        assertEquals("2 nodes · 16 GPUs", models.getFirst().detail());
        assertTrue(QuickSearch.find(snap, "tenant-of").stream().allMatch(h -> h.kind() == SearchHit.Kind.TENANT));
        assertTrue(QuickSearch.find(snap, "  ").isEmpty());
        assertTrue(QuickSearch.find(snap, "GP").stream().noneMatch(h -> h.kind() == SearchHit.Kind.GPU),
                "UUIDs from three characters on");
    }
}
