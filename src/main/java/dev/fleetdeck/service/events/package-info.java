/**
 * Fleet events (provider up and down, node state changes, rentals, XIDs) detected between snapshots, kept in a
 * bounded ring. May use model and service.health.
 */
package dev.fleetdeck.service.events;
