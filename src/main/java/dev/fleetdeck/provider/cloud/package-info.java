/**
 * GPU-cloud adapters (Lambda, RunPod, Vast, Together, Lepton): offers with stock and price, and instances as
 * nodes, each mapping next to a link to the cloud's API documentation. May use model, provider and its shared
 * HTTP helpers.
 */
package dev.fleetdeck.provider.cloud;
