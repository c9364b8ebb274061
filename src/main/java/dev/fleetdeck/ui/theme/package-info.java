/**
 * Colour themes (dark, light, high contrast), the stylesheets and the health colour language (symbols, CSS
 * classes). May use model only.
 */
package dev.fleetdeck.ui.theme;
