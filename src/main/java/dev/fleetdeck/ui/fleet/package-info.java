/**
 * The fleet table view: a virtualised, sortable, filterable table of nodes and their GPUs. May use ui.common,
 * ui.theme, service and model.
 */
package dev.fleetdeck.ui.fleet;
