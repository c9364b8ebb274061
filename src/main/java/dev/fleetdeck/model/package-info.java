/**
 * Immutable records of the fleet (snapshots, nodes, GPUs, capacity, health, provider status, offers) and pure
 * functions over them. Depends on the JDK only.
 */
package dev.fleetdeck.model;
