package dev.fleetdeck.model;

/** What a node is doing, from a capacity point of view. */
public enum NodeState {
    /** Powered, healthy enough to rent, and not rented. */
    AVAILABLE,
    /** Rented by a tenant. */
    RENTED,
    /** Held back (committed to a customer or kept as spare), not rented yet. */
    RESERVED,
    /** Taken out of service on purpose. */
    MAINTENANCE,
    /** The provider reports it down. */
    DOWN,
    /** Its provider has not answered for too long, so its real state is unknown. */
    UNREACHABLE;

    /** The capacity bucket the GPUs of a node in this state count towards. */
    public CapacityBucket bucket() {
        return switch (this) {
            case AVAILABLE -> CapacityBucket.FREE;
            case RENTED -> CapacityBucket.RENTED;
            case RESERVED -> CapacityBucket.RESERVED;
            case MAINTENANCE, DOWN, UNREACHABLE -> CapacityBucket.UNAVAILABLE;
        };
    }

    /** Lower-case label for display and JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
