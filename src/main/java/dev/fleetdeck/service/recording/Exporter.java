package dev.fleetdeck.service.recording;

import org.duckdb.DuckDBConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Writes recorded series between two moments into one CSV or Parquet file for other tools (pandas, Spark, a
 * spreadsheet): the segments that overlap the range are attached read-only to an in-memory DuckDB and copied out
 * with its {@code COPY … TO}. Each GPU sample carries its source, node, GPU index, UUID and model (taken from the
 * description valid at that moment, an ASOF join), so a file stands on its own. The caller's thread.
 */
public final class Exporter {
    /** What can be exported. */
    public enum Series {
        /** One row per GPU per recorded frame: every metric, with the GPU named. */
        GPUS,
        /** One row per model × region × source per frame: total, rented, free, sellable, price. */
        CAPACITY;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The file formats DuckDB writes here. */
    public enum Format {
        CSV, PARQUET;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What an export did: rows written, segments read, and those left out with why. */
    public record Result(long rows, int segments, List<String> skipped) {
    }

    private Exporter() {
    }

    /**
     * Exports {@code series} recorded in [{@code from}, {@code to}] from a recording file or directory.
     *
     * @param progress hears "segment i of n: file" before each segment is read
     * @throws RecordingException when nothing in the range can be read (naming the recording and its span), or the
     *                            output cannot be written
     */
    public static Result export(Path recording, Instant from, Instant to, Series series, Format format, Path out,
                                Consumer<String> progress) {
        if (to.isBefore(from)) {
            throw new RecordingException("--to " + to + " is before --from " + from);
        }
        List<Path> files = Files.isDirectory(recording) ? Segments.list(recording) : List.of(recording);
        if (files.isEmpty()) {
            throw new RecordingException(recording + ": no recording here");
        }
        Properties p = new Properties();
        p.setProperty("threads", "2");
        p.setProperty("memory_limit", "512MB");
        List<String> skipped = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        Instant[] span = new Instant[2];
        try (DuckDBConnection db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", p);
             Statement s = db.createStatement()) {
            int n = 0;
            for (Path file : files) {
                if (!overlaps(file, recording, from, to)) {
                    continue;
                }
                String alias = "seg" + n;
                progress.accept("segment " + (parts.size() + 1) + ": " + file.getFileName());
                try {
                    if (!Files.isRegularFile(file)) {
                        throw new RecordingException(file + ": not a regular file, so not a recording");
                    }
                    s.execute("ATTACH '" + quote(file) + "' AS " + alias + " (READ_ONLY)");
                    checkFormat(s, alias, file);
                    span(s, alias, span);
                    parts.add(select(series, alias, from, to));
                    n++;
                } catch (SQLException | RecordingException e) {
                    skipped.add(file.getFileName() + ": " + Segments.firstLine(String.valueOf(e.getMessage())));
                }
            }
            if (parts.isEmpty()) {
                throw new RecordingException(recording + ": nothing recorded between " + from + " and " + to
                        + (skipped.isEmpty() ? "" : " that can be read (" + String.join("; ", skipped) + ")"));
            }
            if (span[0] == null || span[0].isAfter(to) || span[1].isBefore(from)) {
                throw new RecordingException(recording + ": nothing recorded between " + from + " and " + to
                        + (span[0] == null ? " (it holds no frame)" : "; the recording spans " + span[0] + " to "
                        + span[1]));
            }
            String query = String.join("\nUNION ALL\n", parts) + (series == Series.GPUS
                    ? "\nORDER BY time_utc, provider, node, gpu" : "\nORDER BY time_utc, model, region, provider");
            Files.createDirectories(out.toAbsolutePath().getParent());
            String options = format == Format.PARQUET ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT csv, HEADER true";
            long rows = s.executeUpdate("COPY (" + query + ") TO '" + quote(out) + "' (" + options + ")");
            return new Result(rows, parts.size(), List.copyOf(skipped));
        } catch (SQLException e) {
            throw new RecordingException("cannot export " + recording + " to " + out + ": "
                    + Segments.firstLine(String.valueOf(e.getMessage())), e);
        } catch (java.io.IOException e) {
            throw new RecordingException(out + ": cannot create its directory: " + e.getMessage(), e);
        }
    }

    /** A segment of a directory overlaps when its hour does; a single file is always read. */
    private static boolean overlaps(Path file, Path recording, Instant from, Instant to) {
        Instant start = Segments.startOf(file);
        if (start == null || !Files.isDirectory(recording)) {
            return true;
        }
        // Segments are at most a day long: one that starts a day before the range may still reach into it.
        return !start.isAfter(to) && !start.plus(java.time.Duration.ofDays(1)).isBefore(from);
    }

    /** Widens {@code span} to the attached segment's first and last frame. */
    private static void span(Statement s, String alias, Instant[] span) throws SQLException {
        try (var rs = s.executeQuery("SELECT epoch_ms(min(t)), epoch_ms(max(t)) FROM " + alias + ".frames")) {
            rs.next();
            long first = rs.getLong(1);
            if (rs.wasNull()) {
                return;
            }
            Instant a = Instant.ofEpochMilli(first);
            Instant b = Instant.ofEpochMilli(rs.getLong(2));
            span[0] = span[0] == null || a.isBefore(span[0]) ? a : span[0];
            span[1] = span[1] == null || b.isAfter(span[1]) ? b : span[1];
        }
    }

    private static void checkFormat(Statement s, String alias, Path file) throws SQLException {
        String format;
        try (var rs = s.executeQuery("SELECT value FROM " + alias + ".meta WHERE key = 'format'")) {
            format = rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new RecordingException(file + ": a DuckDB database, but not a FleetDeck recording (no meta table)");
        }
        if (!Schema.FORMAT.equals(format)) {
            throw new RecordingException(file + ": a DuckDB database, but not a FleetDeck recording");
        }
    }

    private static String select(Series series, String a, Instant from, Instant to) {
        String range = " BETWEEN make_timestamp(" + from.toEpochMilli() * 1000 + ") AND make_timestamp("
                + to.toEpochMilli() * 1000 + ")";
        return switch (series) {
            case GPUS -> "SELECT s.t AS time_utc, n.provider, n.hostname AS node, gi.idx AS gpu, gi.uuid, gi.model,"
                    + " s.util AS utilization_pct, s.mem_used AS memory_used_mib, s.temp AS temperature_c,"
                    + " s.mem_temp AS memory_temperature_c, s.power AS power_w, s.sm_clock AS sm_clock_mhz,"
                    + " s.ecc_corr AS ecc_corrected, s.ecc_uncorr AS ecc_uncorrected, s.xid AS last_xid,"
                    + " " + healthNames() + " AS health"
                    + " FROM " + a + ".gpu_samples s"
                    + " JOIN (SELECT DISTINCT id, provider, hostname FROM " + a + ".nodes) n ON s.node = n.id"
                    + " ASOF LEFT JOIN " + a + ".gpu_info gi ON s.node = gi.node AND s.pos = gi.pos AND s.t >= gi.t"
                    + " WHERE s.t" + range;
            case CAPACITY -> "SELECT t AS time_utc, model, region, provider, total, rented, reserved, free, unavailable, sellable,"
                    + " price AS price_per_gpu_hour FROM " + a + ".capacity WHERE t" + range;
        };
    }

    /** The recorded health ordinal as the health's name, from the enum itself. */
    private static String healthNames() {
        StringBuilder b = new StringBuilder("CASE s.health");
        for (dev.fleetdeck.model.Health h : dev.fleetdeck.model.Health.values()) {
            b.append(" WHEN ").append(h.ordinal()).append(" THEN '").append(h.name().toLowerCase(Locale.ROOT))
                    .append('\'');
        }
        return b.append(" END").toString();
    }

    private static String quote(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }
}
