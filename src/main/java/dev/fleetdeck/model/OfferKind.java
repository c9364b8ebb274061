package dev.fleetdeck.model;

/** How an offer is sold. */
public enum OfferKind {
    /** Guaranteed while you pay (Lambda on-demand, RunPod secure cloud, Together on-demand). */
    ON_DEMAND("on-demand"),
    /** Cheaper, interruptible (RunPod spot bids, Vast interruptible). */
    SPOT("spot"),
    /** Hosted by third parties on a marketplace (RunPod community cloud, Vast.ai). */
    COMMUNITY("community"),
    /** For a committed term. */
    RESERVED("reserved");

    private final String label;

    OfferKind(String label) {
        this.label = label;
    }

    /** As written in configuration and shown. */
    public String label() {
        return label;
    }

    /** The kind named {@code text} (e.g. {@code on-demand}), or null. */
    public static OfferKind of(String text) {
        for (OfferKind k : values()) {
            if (k.label.equalsIgnoreCase(text) || k.name().equalsIgnoreCase(text)) {
                return k;
            }
        }
        return null;
    }
}
