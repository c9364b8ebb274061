/**
 * The settings dialog: forms generated from each provider type's options, alert thresholds, polling, theme;
 * saves through the comment-preserving edit. May use ui.common, ui.theme, config, service and model; Test
 * connection is handed in by the composition root.
 */
package dev.fleetdeck.ui.settings;
