/**
 * Bounded reading of files from outside (secret files, saved scrapes, host lists): regular files only, with a
 * size cap and a time limit. May use model.
 */
package dev.fleetdeck.provider.input;
