package dev.fleetdeck.ui.heatmap;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where every GPU's cell goes: regions stacked top to bottom, each under a label band, its nodes packed left to
 * right as compact blocks (8 GPUs as two rows of 4, like an HGX board; one cell per GPU slot, slot = GPU index, so a
 * GPU that fell off the bus leaves a visible hole). The cell pitch is the largest that fits the whole fleet in the view
 * ("fit all"), times a zoom factor; zoomed in, the layout grows downwards and the view scrolls. Pure Java, computed
 * on the view worker; immutable.
 */
public final class HeatmapLayout {
    static final int MAX_BLOCK_COLUMNS = 8;
    static final int PAD = 10;
    static final int BAND = 24;
    static final int MIN_PITCH = 2;
    static final int MAX_PITCH = 48;
    /** Largest image, in pixels (32 MiB of ARGB). */
    static final long MAX_PIXELS = 8L << 20;

    /** A region's label band. */
    public record Band(String region, int y, int nodes, int gpus) {
    }

    /** A GPU slot under a point. */
    public record Hit(Node node, int gpuIndex, Gpu gpu) {
    }

    private final List<Node> nodes;
    private final List<Band> bands;
    private final int[] x;
    private final int[] y;
    private final int[] cols;
    private final int[] slots;
    private final int pitch;
    private final int width;
    private final int height;

    private HeatmapLayout(List<Node> nodes, int pitch, int width) {
        this.nodes = nodes;
        this.pitch = pitch;
        this.width = width;
        int n = nodes.size();
        x = new int[n];
        y = new int[n];
        cols = new int[n];
        slots = new int[n];
        bands = new ArrayList<>();
        height = place(true);
    }

    /** Lays out {@code fleet} for a view of {@code viewWidth × viewHeight} pixels at {@code zoom} (1 = fit all). */
    public static HeatmapLayout of(List<Node> fleet, int viewWidth, int viewHeight, double zoom) {
        Map<String, List<Node>> byRegion = new TreeMap<>();
        for (Node node : fleet) {
            byRegion.computeIfAbsent(node.region(), r -> new ArrayList<>()).add(node);
        }
        List<Node> ordered = new ArrayList<>(fleet.size());
        byRegion.values().forEach(ordered::addAll);
        int w = Math.max(200, viewWidth);
        int lo = MIN_PITCH;
        int hi = MAX_PITCH;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (heightAt(ordered, mid, w) <= viewHeight) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int pitch = (int) Math.max(MIN_PITCH, Math.min(MAX_PITCH, Math.round(lo * Math.max(0.25, zoom))));
        while (pitch > MIN_PITCH && (long) w * heightAt(ordered, pitch, w) > MAX_PIXELS) {
            pitch--;
        }
        return new HeatmapLayout(ordered, pitch, w);
    }

    private static int heightAt(List<Node> nodes, int pitch, int width) {
        return new Packer(pitch, width).height(nodes);
    }

    private int place(boolean record) {
        Packer p = new Packer(pitch, width);
        Map<String, int[]> counts = new LinkedHashMap<>();
        String region = null;
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (!node.region().equals(region)) {
                region = node.region();
                p.newRegion();
                counts.put(region, new int[]{p.bandY, 0, 0});
            }
            int s = slotsOf(node);
            int c = columnsFor(s);
            p.add(c, (s + c - 1) / c);
            x[i] = p.lastX;
            y[i] = p.lastY;
            cols[i] = c;
            slots[i] = s;
            int[] rc = counts.get(region);
            rc[1]++;
            rc[2] += node.gpuCount();
        }
        if (record) {
            counts.forEach((r, v) -> bands.add(new Band(r, v[0], v[1], v[2])));
        }
        return p.finish();
    }

    /** Columns of a node's block: 1, 2, 2×2, 4×2, then rows of 8. */
    static int columnsFor(int slots) {
        return slots <= 2 ? slots : slots <= 4 ? 2 : slots <= 8 ? 4 : MAX_BLOCK_COLUMNS;
    }

    /** GPU slots a node takes: its expected count, or more if it reports higher indices. */
    static int slotsOf(Node node) {
        int s = Math.max(1, node.gpuCount());
        for (Gpu g : node.gpus()) {
            if (g.index() >= s && g.index() < 4096) {
                s = g.index() + 1;
            }
        }
        return s;
    }

    /** Packs node blocks into rows; shared by the fit search and the final placement so both agree. */
    private static final class Packer {
        final int pitch;
        final int width;
        final int gap;
        int cursorX = PAD;
        int rowY = PAD;
        int rowH;
        int bandY;
        int lastX;
        int lastY;
        boolean any;

        Packer(int pitch, int width) {
            this.pitch = pitch;
            this.width = width;
            this.gap = pitch <= 3 ? 1 : Math.max(2, pitch / 2);
        }

        void newRegion() {
            if (any) {
                rowY += rowH + gap + 6;
            }
            bandY = rowY;
            rowY += BAND;
            cursorX = PAD;
            rowH = 0;
            any = true;
        }

        void add(int c, int rows) {
            int w = c * pitch;
            int h = rows * pitch;
            if (cursorX + w > width - PAD && cursorX > PAD) {
                rowY += rowH + gap;
                cursorX = PAD;
                rowH = 0;
            }
            lastX = cursorX;
            lastY = rowY;
            cursorX += w + gap;
            rowH = Math.max(rowH, h);
        }

        int height(List<Node> nodes) {
            String region = null;
            for (Node node : nodes) {
                if (!node.region().equals(region)) {
                    region = node.region();
                    newRegion();
                }
                int s = slotsOf(node);
                int c = columnsFor(s);
                add(c, (s + c - 1) / c);
            }
            return finish();
        }

        int finish() {
            return rowY + rowH + PAD;
        }
    }

    /** The GPU slot under a point of the image, or null. */
    public Hit cellAt(double px, double py) {
        int ix = (int) Math.floor(px);
        int iy = (int) Math.floor(py);
        for (int i = 0; i < nodes.size(); i++) {
            int c = cols[i];
            int rows = (slots[i] + c - 1) / c;
            if (ix < x[i] || iy < y[i] || ix >= x[i] + c * pitch || iy >= y[i] + rows * pitch) {
                continue;
            }
            int slot = ((iy - y[i]) / pitch) * c + (ix - x[i]) / pitch;
            if (slot >= slots[i]) {
                return null;
            }
            Node node = nodes.get(i);
            Gpu gpu = null;
            for (Gpu g : node.gpus()) {
                if (g.index() == slot) {
                    gpu = g;
                    break;
                }
            }
            return new Hit(node, slot, gpu);
        }
        return null;
    }

    /** Top-left pixel of a node's GPU slot (tests, and the view's highlight). */
    public int[] cellOrigin(int nodeIndex, int slot) {
        int c = cols[nodeIndex];
        return new int[]{x[nodeIndex] + (slot % c) * pitch, y[nodeIndex] + (slot / c) * pitch};
    }

    /** Index of a node in layout order, or -1. */
    public int indexOf(String provider, String hostname) {
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.hostname().equals(hostname) && n.provider().equals(provider)) {
                return i;
            }
        }
        return -1;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Band> bands() {
        return bands;
    }

    int x(int i) {
        return x[i];
    }

    int y(int i) {
        return y[i];
    }

    int cols(int i) {
        return cols[i];
    }

    int slots(int i) {
        return slots[i];
    }

    public int pitch() {
        return pitch;
    }

    /** Side of a cell in pixels: the pitch less a one-pixel gutter once cells are big enough to show it. */
    public int cell() {
        return pitch >= 4 ? pitch - 1 : pitch;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
