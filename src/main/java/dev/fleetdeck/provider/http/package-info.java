/**
 * The shared HTTP layer of every HTTP adapter: timeouts, byte caps while reading and after gunzip, manual
 * redirects, authentication from secret references, TLS settings, Retry-After. May use model and provider.
 */
package dev.fleetdeck.provider.http;
