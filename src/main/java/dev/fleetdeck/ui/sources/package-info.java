/**
 * The sources view: each provider's state, data age and last error, and the newest fleet events from the frame.
 * May use ui.common, ui.theme, service and model.
 */
package dev.fleetdeck.ui.sources;
