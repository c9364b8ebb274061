/**
 * Rented GPUs that sit idle and what they cost, per node and per tenant. May use model.
 */
package dev.fleetdeck.service.idle;
