package dev.fleetdeck.ui.common;

/** How views name a node among them ({@code provider/host}): a fleet row, a heatmap cell, the node detail. */
public final class NodeKey {
    private NodeKey() {
    }

    /** The key of a node. */
    public static String of(String provider, String hostname) {
        return provider + "/" + hostname;
    }
}
