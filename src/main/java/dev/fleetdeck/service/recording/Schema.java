package dev.fleetdeck.service.recording;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of one segment file. Bulk data is columnar and ordered by time, node and GPU so DuckDB's compression
 * (bit packing, ALP for doubles, run lengths) works on it: {@code gpu_samples} holds one row per GPU per recorded
 * frame; what seldom changes ({@code nodes}, {@code gpu_info}) is written only when it changed, and {@code documents}
 * holds the small parts of a frame (provider statuses, offers, alerts, events, idle report) as JSON; {@code fleet_series}
 * the fleet-wide trend values of each frame (the same samples live history keeps), for a past frame's charts.
 * Every table is plain SQL: {@code SELECT * FROM gpu_samples} in the DuckDB CLI reads it.
 */
final class Schema {
    /** The {@code meta.format} value that makes a DuckDB file a FleetDeck recording. */
    static final String FORMAT = "fleetdeck.recording/v1";

    private static final String[] DDL = {
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        "CREATE TABLE IF NOT EXISTS frames (t TIMESTAMP_MS NOT NULL, seq BIGINT NOT NULL, revision BIGINT NOT NULL,"
                + " at_ns BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS nodes (t TIMESTAMP_MS NOT NULL, id INTEGER NOT NULL, present BOOLEAN NOT NULL,"
                + " provider VARCHAR, hostname VARCHAR, region VARCHAR, model VARCHAR, state VARCHAR, tenant VARCHAR,"
                + " price DOUBLE, driver VARCHAR, cuda VARCHAR, expected INTEGER, allocated INTEGER, health VARCHAR,"
                + " reasons VARCHAR, gpus INTEGER)",
        "CREATE TABLE IF NOT EXISTS gpu_info (t TIMESTAMP_MS NOT NULL, node INTEGER NOT NULL, pos SMALLINT NOT NULL,"
                + " idx INTEGER, uuid VARCHAR, model VARCHAR, mem_total DOUBLE, power_limit DOUBLE, mig VARCHAR,"
                + " reasons VARCHAR, processes VARCHAR)",
        "CREATE TABLE IF NOT EXISTS gpu_samples (t TIMESTAMP_MS NOT NULL, node INTEGER NOT NULL, pos SMALLINT NOT NULL,"
                + " util DOUBLE, mem_used DOUBLE, temp DOUBLE, mem_temp DOUBLE, power DOUBLE, sm_clock DOUBLE,"
                + " ecc_corr DOUBLE, ecc_uncorr DOUBLE, xid INTEGER, throttle INTEGER, health TINYINT)",
        "CREATE TABLE IF NOT EXISTS capacity (t TIMESTAMP_MS NOT NULL, model VARCHAR, region VARCHAR, provider VARCHAR,"
                + " total INTEGER, rented INTEGER, reserved INTEGER, free INTEGER, unavailable INTEGER, sellable INTEGER,"
                + " price DOUBLE)",
        "CREATE TABLE IF NOT EXISTS documents (t TIMESTAMP_MS NOT NULL, kind VARCHAR NOT NULL, body VARCHAR NOT NULL)",
        "CREATE TABLE IF NOT EXISTS fleet_series (t TIMESTAMP_MS NOT NULL, key VARCHAR NOT NULL, value DOUBLE)",
    };

    private Schema() {
    }

    /** Creates what is missing and stamps the format (a new file), in one transaction. */
    static void create(Connection c, String resolution) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
            s.execute("INSERT OR IGNORE INTO meta VALUES ('format', '" + FORMAT + "')");
            s.execute("INSERT OR IGNORE INTO meta VALUES ('resolution', '" + resolution + "')");
        }
    }
}
