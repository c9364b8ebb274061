package dev.fleetdeck.model;

/**
 * The four disjoint buckets every GPU falls into, so that free + rented + reserved + unavailable = total.
 */
public enum CapacityBucket {
    FREE, RENTED, RESERVED, UNAVAILABLE
}
