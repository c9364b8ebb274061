/**
 * The heatmap view: one cell per GPU on one Canvas, grouped by region, provider and model. May use ui.common,
 * ui.theme, service and model.
 */
package dev.fleetdeck.ui.heatmap;
