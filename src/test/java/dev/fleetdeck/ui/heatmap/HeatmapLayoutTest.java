package dev.fleetdeck.ui.heatmap;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.support.TestSnapshots;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fit-all layout, hit testing and painting of the heatmap, without JavaFX. */
class HeatmapLayoutTest {
    @Test
    void aHundredThousandGpusFitAFullHdViewAndEveryCellIsFoundWhereItIsDrawn() {
        List<Node> fleet = new ArrayList<>();
        String[] regions = {"us-east-1", "us-west-2", "eu-central-1", "ap-northeast-1"};
        for (int i = 0; i < 12_500; i++) {
            fleet.add(TestFleet.node(String.format("n%05d", i), "p", regions[i % 4], "H100", NodeState.RENTED, 8,
                    i % 100, 60, 500, 2));
        }
        HeatmapLayout layout = HeatmapLayout.of(fleet, 1900, 950, 1);
        assertTrue(layout.height() <= 950, "fit all: " + layout.height());
        assertTrue(layout.pitch() >= 2);
        assertEquals(4, layout.bands().size());
        assertEquals("ap-northeast-1", layout.bands().getFirst().region(), "regions in name order");
        assertEquals(25_000, layout.bands().getFirst().gpus());
        Random random = new Random(7);
        for (int k = 0; k < 500; k++) {
            int node = random.nextInt(fleet.size());
            int slot = random.nextInt(8);
            int[] at = layout.cellOrigin(node, slot);
            HeatmapLayout.Hit hit = layout.cellAt(at[0] + 0.5, at[1] + 0.5);
            assertNotNull(hit);
            assertEquals(layout.nodes().get(node).hostname(), hit.node().hostname());
            assertEquals(slot, hit.gpuIndex());
        }
        HeatmapLayout zoomed = HeatmapLayout.of(fleet, 1900, 950, 3);
        assertTrue(zoomed.pitch() > layout.pitch() && zoomed.height() > 950, "zoom grows the layout downwards");
    }

    @Test
    void aSmallFleetGetsBigCellsAndAMissingGpuLeavesAHole() {
        FleetSnapshot snap = TestSnapshots.reference(1, TestFleet.NOW, n -> {
            if (!n.hostname().equals("a2")) {
                return n;
            }
            List<Gpu> seven = new ArrayList<>(n.gpus());
            seven.remove(3);
            return n.withHealth(seven, n.health(), n.healthReasons());
        });
        HeatmapLayout layout = HeatmapLayout.of(snap.nodes(), 1000, 600, 1);
        assertEquals(HeatmapLayout.MAX_PITCH, layout.pitch(), "48 GPUs get the largest cells");
        int a2 = layout.indexOf("alpha", "a2");
        int[] hole = layout.cellOrigin(a2, 3);
        HeatmapLayout.Hit hit = layout.cellAt(hole[0] + 2, hole[1] + 2);
        assertEquals(3, hit.gpuIndex());
        assertNull(hit.gpu(), "GPU 3 did not report");
        HeatmapRaster.Frame frame = HeatmapRaster.paint(1, layout, HeatmapMetric.UTILIZATION, HeatmapPalette.VIRIDIS);
        assertEquals(HeatmapPalette.MISSING, frame.pixels()[(hole[1] + 2) * layout.width() + hole[0] + 2]);
        assertNull(layout.cellAt(1, 1), "the margin is no cell");
    }
}
