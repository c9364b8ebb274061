package dev.fleetdeck.ui.fleet;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.support.TestSnapshots;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filtering, sorting, expansion and counts of the fleet table's rows, without JavaFX. */
class FleetRowsTest {
    private final FleetSnapshot snap = TestSnapshots.reference(1, TestFleet.NOW);

    private static List<String> hosts(FleetRows.Result r) {
        return r.rows().stream().map(row -> row.isGpu() ? row.node().hostname() + "#" + row.gpu().index()
                : row.node().hostname()).toList();
    }

    private static FleetRow byHost(FleetRows.Result r, String host) {
        return r.rows().stream().filter(x -> x.node().hostname().equals(host)).findFirst().orElseThrow();
    }

    @Test
    void aGpuRowStandsForItsFullUuidAndANodeRowForProviderSlashHost() {
        FleetRows.Result r = FleetRows.compute(snap, FleetFilter.NONE, FleetSort.NATURAL, Set.of("alpha/a3"));
        FleetRow gpu = r.rows().stream().filter(FleetRow::isGpu).findFirst().orElseThrow();
        assertEquals(gpu.gpu().uuid(), RowIdentity.identity(gpu));
        assertTrue(gpu.gpu().uuid().length() > 12, "longer than what the GPUs column shows");
        assertThat(RowIdentity.tooltipText(gpu)).contains(gpu.gpu().uuid()).contains("Ctrl+C");
        assertEquals("alpha/a3", RowIdentity.identity(byHost(r, "a3")));
    }

    @Test
    void theDefaultOrderListsTheLeastHealthyFirstThenByName() {
        FleetRows.Result r = FleetRows.compute(snap, FleetFilter.NONE, FleetSort.NATURAL, Set.of());
        // a3 (95 °C) and a4 are critical, first by name; the healthy rest by name.
        assertEquals(List.of("a3", "a4", "a1", "a2", "b1", "b2"), hosts(r));
        assertEquals(List.of(Health.CRIT, Health.OK), r.rows().stream().map(FleetRow::health)
                .distinct().toList());
        assertEquals(6, r.nodesTotal());
        assertEquals(48, r.gpusTotal());
        FleetRow a1 = byHost(r, "a1");
        assertEquals(80, a1.util(), 1e-9);
        assertEquals(4000, a1.powerW(), 1e-9, "node power is the sum of its GPUs");
        assertEquals(3000, a1.ageMs(), "alpha answered 3 s before the snapshot");
        FleetRow a3 = byHost(r, "a3");
        assertEquals(95, a3.tempC(), 1e-9, "node temperature is its hottest GPU");
        assertTrue(Double.isNaN(byHost(r, "a4").util()), "a down node reports nothing: absent, not 0");
        assertEquals(List.of("B200", "H100", "H200"), r.facets().models());
        assertEquals(List.of("alpha", "beta"), r.facets().providers());
        assertThat(r.facets().tenants()).contains(FleetRows.NO_TENANT, "tenant-of-a1");
    }

    @Test
    void filtersCombineAndCountTheMatches() {
        FleetRows.Result rented = FleetRows.compute(snap, FleetFilter.NONE.withStates(Set.of(NodeState.RENTED,
                NodeState.RESERVED)), FleetSort.NATURAL, Set.of());
        assertEquals(List.of("a1", "b1"), hosts(rented));
        assertEquals(16, rented.gpusShown());

        FleetFilter hot = FleetFilter.NONE.withHealth(Set.of(Health.WARN, Health.CRIT)).withRegions(Set.of("us-east-1"));
        assertThat(hosts(FleetRows.compute(snap, hot, FleetSort.NATURAL, Set.of()))).contains("a3").doesNotContain("b1",
                "a1");

        assertEquals(List.of("b1", "b2"), hosts(FleetRows.compute(snap, FleetFilter.NONE.withText("H200 BETA"),
                FleetSort.NATURAL, Set.of())), "every word must match, ignoring case");
        assertEquals(List.of("a3"), hosts(FleetRows.compute(snap, FleetFilter.NONE.withText("a3000000-0000"),
                FleetSort.NATURAL, Set.of())), "a GPU UUID fragment finds its node");
        assertEquals(List.of("a3", "a4", "a2", "b2"), hosts(FleetRows.compute(snap,
                FleetFilter.NONE.withTenants(Set.of(FleetRows.NO_TENANT)), FleetSort.NATURAL, Set.of())));
        assertFalse(FleetFilter.NONE.isActive());
        assertTrue(FleetFilter.NONE.withText("x").isActive());
    }

    @Test
    void sortsOnAnyColumnWithAbsentValuesLastBothWays() {
        assertEquals(List.of("a3", "a1", "b1", "a2", "b2", "a4"), hosts(FleetRows.compute(snap, FleetFilter.NONE,
                new FleetSort(FleetColumn.TEMPERATURE, false), Set.of())));
        assertEquals(List.of("b2", "a2", "b1", "a1", "a3", "a4"), hosts(FleetRows.compute(snap, FleetFilter.NONE,
                new FleetSort(FleetColumn.TEMPERATURE, true), Set.of())), "a4 reports no temperature: last");
        assertEquals(List.of("b1", "b2", "a1", "a2", "a3", "a4"), hosts(FleetRows.compute(snap, FleetFilter.NONE,
                new FleetSort(FleetColumn.REGION, true), Set.of())));
        List<String> byHealth = hosts(FleetRows.compute(snap, FleetFilter.NONE, new FleetSort(FleetColumn.HEALTH, false),
                Set.of()));
        assertThat(byHealth.subList(0, 2)).containsExactlyInAnyOrder("a3", "a4");
    }

    @Test
    void anExpandedNodeListsItsGpusRightBelowItWhateverTheOrder() {
        FleetRows.Result r = FleetRows.compute(snap, FleetFilter.NONE, new FleetSort(FleetColumn.TEMPERATURE, false),
                Set.of("alpha/a3"));
        assertEquals("a3", hosts(r).getFirst());
        assertEquals(List.of("a3#0", "a3#1", "a3#2", "a3#3", "a3#4", "a3#5", "a3#6", "a3#7"), hosts(r).subList(1, 9));
        FleetRow hot = r.rows().get(6);
        assertEquals(95, hot.tempC(), 1e-9);
        assertEquals("alpha/a3#5", hot.key());
        assertEquals(6, FleetRows.indexOf(r.rows(), "alpha/a3#5"));
        assertEquals(6, r.nodesShown(), "GPU rows are not counted as nodes");
    }
}
