/**
 * The flight recorder: every frame (or one per resolution step) written to an embedded DuckDB store, in hourly
 * segment files that are sealed when the hour ends so other tools (another FleetDeck, the DuckDB CLI, Python) can read
 * them while recording goes on; and the way back: a frame rebuilt from the store at any recorded moment.
 *
 * <p>Threads: the {@link dev.fleetdeck.service.recording.Recorder} owns one thread that does all writing; readers are
 * used by whichever thread asks (never the FX thread) and own their connections.
 */
package dev.fleetdeck.service.recording;
