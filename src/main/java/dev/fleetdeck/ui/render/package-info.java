/**
 * Headless rendering of any view to PNG (the snapshot command): JavaFX's headless platform and the PNG writer.
 * May use ui.app and every room below it.
 */
package dev.fleetdeck.ui.render;
