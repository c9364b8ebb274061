/**
 * The overview: TilesFX tiles whose figures an OverviewViewModel computes from the frame without JavaFX. May use
 * ui.common, ui.theme, service and model.
 */
package dev.fleetdeck.ui.overview;
