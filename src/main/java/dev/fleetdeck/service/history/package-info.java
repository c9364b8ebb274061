/**
 * Bounded in-memory history: fleet series for a day and per-GPU rings at three resolutions, read through
 * HistoryReader; the start-up backfill from providers that have a past. May use model and provider.
 */
package dev.fleetdeck.service.history;
