/**
 * Prometheus-compatible adapters (Prometheus, VictoriaMetrics, Thanos, Mimir through the HTTP API) and the dcgm-
 * exporter scrape adapter. May use model, provider, provider.http and the exposition parser.
 */
package dev.fleetdeck.provider.prom;
