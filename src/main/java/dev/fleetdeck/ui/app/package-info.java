/**
 * The window: the application, the main view that holds one view per ViewId, the view catalogue, status bar,
 * help overlay, window placement, and the DesktopBackend it is handed. May use every ui room, service, config
 * and model; never provider.
 */
package dev.fleetdeck.ui.app;
