/**
 * Assembling provider answers into one FleetSnapshot: capacity per model, region and provider, node joins across
 * sources, health applied. May use model, provider and service.health.
 */
package dev.fleetdeck.service.assembly;
