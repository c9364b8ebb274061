/**
 * What the views share: ViewId and FleetView, the frame bus, off-FX-thread work (Offload), table and text
 * helpers, and the chart control. May use ui.theme, service and model; knows no view.
 */
package dev.fleetdeck.ui.common;
