package dev.fleetdeck.model;

/**
 * Points at one GPU of the fleet together with a value of interest (e.g. the hottest GPU).
 *
 * @param provider provider name
 * @param hostname node name
 * @param index    GPU index on the node
 * @param value    the value that made it interesting
 */
public record GpuRef(String provider, String hostname, int index, double value) {
}
