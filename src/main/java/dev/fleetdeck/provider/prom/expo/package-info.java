/**
 * FleetDeck's own Prometheus/OpenMetrics exposition parser (why: docs/decisions/0006), lenient per line with
 * every problem reported. May use model.
 */
package dev.fleetdeck.provider.prom.expo;
