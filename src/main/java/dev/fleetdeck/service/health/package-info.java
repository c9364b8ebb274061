/**
 * The health verdict of a GPU and a node: thermal limits per model, the one XID catalogue, ECC and row
 * remapping, bus drops, and rules over time. May use model.
 */
package dev.fleetdeck.service.health;
