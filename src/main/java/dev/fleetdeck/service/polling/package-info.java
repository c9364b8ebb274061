/**
 * The polling service: one schedule per source, timeouts, exponential backoff with jitter, Retry-After, provider
 * status, answer limits and sanitising, and the assembler thread that publishes snapshots. May use model,
 * provider and service.assembly.
 */
package dev.fleetdeck.service.polling;
