/**
 * Running external commands with a time limit and an output cap, in their own process group so a timeout ends
 * the whole group. May use model.
 */
package dev.fleetdeck.provider.process;
