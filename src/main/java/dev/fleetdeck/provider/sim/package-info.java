/**
 * The simulated fleet (the built-in default), its dcgm-exporter writer and the exporter command's HTTP server.
 * May use model, provider and the dcgm field names.
 */
package dev.fleetdeck.provider.sim;
