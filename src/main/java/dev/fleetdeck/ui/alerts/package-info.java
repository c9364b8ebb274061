/**
 * The alerts view (open and resolved alerts, acknowledge and silence, idle GPUs and their cost) and desktop
 * notifications. May use ui.common, ui.theme, service and model.
 */
package dev.fleetdeck.ui.alerts;
