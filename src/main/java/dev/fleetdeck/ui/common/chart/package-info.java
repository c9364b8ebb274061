/**
 * FleetDeck's one chart control for time series ({@link dev.fleetdeck.ui.common.chart.TimeChart}) and its arithmetic
 * (axis steps, the column-downsampled path). May use ui.theme.
 */
package dev.fleetdeck.ui.common.chart;
