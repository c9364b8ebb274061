package dev.fleetdeck.ui.heatmap;

import dev.fleetdeck.model.Health;

/**
 * Colour scales for the heatmap, as opaque ARGB ints (so they go straight into a pixel buffer off the FX thread).
 * Viridis and cividis are perceptually uniform and read with the common colour-vision deficiencies; cividis also
 * switches health categories to the Okabe–Ito colours (blue, yellow, vermillion) instead of green/amber/red.
 */
public enum HeatmapPalette {
    VIRIDIS("Viridis", new int[]{0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58,
            0xb5de2b, 0xfde725}),
    CIVIDIS("Cividis (colour-blind safe)", new int[]{0x00224e, 0x123570, 0x3b496c, 0x575d6d, 0x707173, 0x8a8779,
            0xa69d75, 0xc4b56c, 0xe4cf5b, 0xfee838});

    /** Cell colour when the value is absent (not reported, or the node is down). */
    public static final int ABSENT = 0xff2a313c;
    /** A GPU slot the node should have but did not report (fell off the bus). */
    public static final int MISSING = 0xff5a1e24;
    /** Background between cells and nodes. */
    public static final int BACKGROUND = 0xff0e1116;

    private final String label;
    private final int[] lut = new int[256];

    HeatmapPalette(String label, int[] stops) {
        this.label = label;
        for (int i = 0; i < 256; i++) {
            double pos = i / 255.0 * (stops.length - 1);
            int a = Math.min(stops.length - 2, (int) pos);
            double t = pos - a;
            lut[i] = 0xff000000 | mix(stops[a], stops[a + 1], t);
        }
    }

    private static int mix(int c0, int c1, double t) {
        int r = (int) Math.round(((c0 >> 16) & 0xff) * (1 - t) + ((c1 >> 16) & 0xff) * t);
        int g = (int) Math.round(((c0 >> 8) & 0xff) * (1 - t) + ((c1 >> 8) & 0xff) * t);
        int b = (int) Math.round((c0 & 0xff) * (1 - t) + (c1 & 0xff) * t);
        return (r << 16) | (g << 8) | b;
    }

    public String label() {
        return label;
    }

    /** The colour of {@code value} on a scale from {@code min} to {@code max} (clamped); NaN is {@link #ABSENT}. */
    public int color(double value, double min, double max) {
        if (Double.isNaN(value)) {
            return ABSENT;
        }
        double t = (value - min) / (max - min);
        int i = (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
        return lut[i];
    }

    /** The colour of a health value. */
    public int health(Health h) {
        if (this == CIVIDIS) {
            return switch (h) {
                case OK -> 0xff0072b2;
                case WARN -> 0xfff0e442;
                case CRIT -> 0xffd55e00;
                case UNKNOWN -> 0xff8b98a9;
            };
        }
        return switch (h) {
            case OK -> 0xff3fb950;
            case WARN -> 0xffe3b341;
            case CRIT -> 0xfff85149;
            case UNKNOWN -> 0xff8b98a9;
        };
    }

    /** Colours of the idle-while-rented categories: not rented, rented and busy, rented and idle. */
    public int idle(int category) {
        return switch (category) {
            case 2 -> this == CIVIDIS ? 0xffe69f00 : 0xffff7b1c;
            case 1 -> this == CIVIDIS ? 0xff56b4e9 : 0xff1f6f8b;
            default -> 0xff3a424e;
        };
    }
}
