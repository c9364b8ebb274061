/**
 * The running back end of one window or command: FleetMonitor drives each snapshot through history, events, idle
 * tracking and alerts in a fixed order and builds one immutable FleetFrame per cycle. May use model and
 * provider; no JavaFX.
 */
package dev.fleetdeck.service;
