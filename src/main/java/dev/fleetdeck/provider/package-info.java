/**
 * The provider SPI (factories found with ServiceLoader, the FleetProvider poll contract, typed exceptions,
 * answer limits) and the registry; one sub-package per adapter. May use model; no JavaFX.
 */
package dev.fleetdeck.provider;
