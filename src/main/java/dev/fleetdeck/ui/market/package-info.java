/**
 * The market view: GPU-cloud offers by model, region and cloud. May use ui.common, ui.theme, service and model.
 */
package dev.fleetdeck.ui.market;
