package dev.fleetdeck.ui.heatmap;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;

import java.util.Arrays;

/**
 * Paints a {@link HeatmapLayout} into an ARGB pixel buffer, one filled square per GPU slot, on the view worker; the
 * FX thread only copies the buffer into its image. Pure Java.
 */
public final class HeatmapRaster {
    private HeatmapRaster() {
    }

    /** The frame: the layout and its pixels, row-major, {@code layout.width()} wide. */
    public record Frame(long sequence, HeatmapLayout layout, HeatmapMetric metric, HeatmapPalette palette,
                        int[] pixels) {
    }

    public static Frame paint(long sequence, HeatmapLayout layout, HeatmapMetric metric, HeatmapPalette palette) {
        return paint(sequence, layout, metric, palette, HeatmapPalette.BACKGROUND);
    }

    /** @param background the theme's background, opaque ARGB, between cells and nodes */
    public static Frame paint(long sequence, HeatmapLayout layout, HeatmapMetric metric, HeatmapPalette palette,
                              int background) {
        int w = layout.width();
        int[] px = new int[w * layout.height()];
        Arrays.fill(px, background);
        int cell = layout.cell();
        int pitch = layout.pitch();
        Gpu[] bySlot = new Gpu[64];
        for (int i = 0; i < layout.nodes().size(); i++) {
            Node node = layout.nodes().get(i);
            int slots = layout.slots(i);
            if (bySlot.length < slots) {
                bySlot = new Gpu[slots];
            }
            Arrays.fill(bySlot, 0, slots, null);
            for (Gpu g : node.gpus()) {
                if (g.index() >= 0 && g.index() < slots) {
                    bySlot[g.index()] = g;
                }
            }
            boolean out = node.state() == NodeState.DOWN || node.state() == NodeState.UNREACHABLE;
            int cols = layout.cols(i);
            for (int s = 0; s < slots; s++) {
                int color = colorOf(node, bySlot[s], out, metric, palette);
                int x0 = layout.x(i) + (s % cols) * pitch;
                int y0 = layout.y(i) + (s / cols) * pitch;
                for (int yy = y0; yy < y0 + cell; yy++) {
                    Arrays.fill(px, yy * w + x0, yy * w + x0 + cell, color);
                }
            }
        }
        return new Frame(sequence, layout, metric, palette, px);
    }

    static int colorOf(Node node, Gpu gpu, boolean out, HeatmapMetric metric, HeatmapPalette palette) {
        if (metric == HeatmapMetric.HEALTH) {
            return palette.health(gpu == null ? node.health() : gpu.health());
        }
        if (gpu == null) {
            return out ? HeatmapPalette.ABSENT : HeatmapPalette.MISSING;
        }
        if (metric == HeatmapMetric.IDLE_RENTED) {
            return palette.idle(HeatmapMetric.idleCategory(node, gpu));
        }
        if (out) {
            return HeatmapPalette.ABSENT;
        }
        return palette.color(metric.value(gpu), metric.min(), metric.max());
    }
}
