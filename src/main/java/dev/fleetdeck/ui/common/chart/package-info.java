/**
 * FleetDeck's one line-chart control (Control, Skin and CSS colours) and its arithmetic. May use ui.theme.
 */
package dev.fleetdeck.ui.common.chart;
