/**
 * dcgm-exporter series to GPUs: which DCGM field means what, blank sentinels, GPUs keyed by UUID. May use model
 * and provider.prom.expo.
 */
package dev.fleetdeck.provider.prom.dcgm;
