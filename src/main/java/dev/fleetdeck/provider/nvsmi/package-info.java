/**
 * The nvidia-smi adapter, local or over SSH: CSV and XML output parsed field by field, processes, refused fields
 * dropped. May use model, provider and provider.process.
 */
package dev.fleetdeck.provider.nvsmi;
