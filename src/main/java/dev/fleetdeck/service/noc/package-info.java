/**
 * The headless service's outputs for a network operations centre: the frame as JSON ({@code fleetdeck.snapshot/v1}),
 * FleetDeck's derived figures as Prometheus metrics, the service's HTTP endpoint, and alerts sent to Alertmanager.
 */
package dev.fleetdeck.service.noc;
