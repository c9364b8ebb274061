/**
 * The node detail view: facts, health reasons, per-GPU charts from the frame's history, events and processes.
 * May use ui.common, ui.theme, service and model.
 */
package dev.fleetdeck.ui.detail;
