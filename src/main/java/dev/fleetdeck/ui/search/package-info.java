/**
 * The quick search overlay (Ctrl+K): nodes, GPU UUIDs, tenants, models and regions. May use ui.common, ui.theme,
 * service and model.
 */
package dev.fleetdeck.ui.search;
