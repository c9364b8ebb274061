/**
 * The showroom: full-screen, customer-safe capacity pages (aggregates only, redaction by construction). May use
 * ui.common, ui.theme, service and model.
 */
package dev.fleetdeck.ui.showroom;
