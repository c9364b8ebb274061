/**
 * Alert rules over snapshots, the alert lifecycle (pending, firing, acknowledged, silenced, resolved) and its
 * history on disk. May use model and service.idle.
 */
package dev.fleetdeck.service.alerts;
