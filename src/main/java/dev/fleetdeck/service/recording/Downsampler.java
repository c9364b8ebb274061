package dev.fleetdeck.service.recording;

import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Thins old segments: after {@link #FIRST_AGE} a sealed segment keeps one frame per {@link #FIRST_STEP}, after
 * {@link #SECOND_AGE} one per {@link #SECOND_STEP}. The frame kept in each step is its last one; each GPU's samples
 * of the step become one row at that frame — utilisation, memory, power and clock averaged, temperatures and ECC
 * counters at their maximum, the last XID seen, every throttle reason that occurred and the worst health — so a
 * 30-second spike or one XID is not thinned away. Changes (nodes, GPU descriptions, documents) move to the step's
 * frame, the last change of each step kept. A source's gap stays a gap (no samples, no row). The result is written
 * into a new file and renamed over the old one, as sealing does. Sealing thread.
 */
final class Downsampler {
    private static final System.Logger LOG = System.getLogger(Downsampler.class.getName());
    static final Duration FIRST_AGE = Duration.ofDays(1);
    static final Duration FIRST_STEP = Duration.ofMinutes(1);
    static final Duration SECOND_AGE = Duration.ofDays(7);
    static final Duration SECOND_STEP = Duration.ofMinutes(10);
    private static final String TEMP_SUFFIX = ".thinning";

    private Downsampler() {
    }

    /** The step a segment that ended at {@code end} should have at {@code now}, or null when it is young. */
    static Duration stepFor(Instant end, Instant now) {
        Duration age = Duration.between(end, now);
        if (age.compareTo(SECOND_AGE) > 0) {
            return SECOND_STEP;
        }
        return age.compareTo(FIRST_AGE) > 0 ? FIRST_STEP : null;
    }

    /**
     * Thins every sealed segment of {@code directory} that is old enough and still finer than its age allows.
     *
     * @return the segments thinned
     */
    static List<Path> apply(Path directory, Duration segment, Instant now) {
        List<Path> done = new ArrayList<>();
        for (Path file : Segments.list(directory)) {
            Duration step = stepFor(Segments.startOf(file).plus(segment), now);
            if (step == null) {
                continue;
            }
            try {
                if (downsample(file, step)) {
                    done.add(file);
                }
            } catch (SQLException | IOException | RecordingException e) {
                LOG.log(System.Logger.Level.WARNING, "could not thin " + file + " to one frame per " + step
                        + " (it stays as it is): " + Segments.firstLine(String.valueOf(e.getMessage())));
            }
        }
        return done;
    }

    /**
     * Rewrites one sealed segment to one frame per {@code step}.
     *
     * @return false when the segment is not sealed yet or already that coarse
     */
    static boolean downsample(Path file, Duration step) throws SQLException, IOException {
        Path temp = file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
        Files.deleteIfExists(temp);
        long ms = step.toMillis();
        DuckDBConnection db = Segments.connect(file, false);
        try (Statement s = db.createStatement()) {
            Segments.checkFormat(db, file);
            if (!"true".equals(meta(s, "sealed")) || currentStep(s).compareTo(step) >= 0) {
                return false;
            }
            long started = System.nanoTime();
            String own = Segments.databaseName(s);
            s.execute("ATTACH '" + temp.toAbsolutePath().toString().replace("'", "''") + "' AS thin");
            s.execute("USE thin");
            Schema.create(db, meta(s, "resolution", own));
            s.execute("USE \"" + own.replace("\"", "\"\"") + "\"");
            s.execute("CREATE TEMP TABLE keep AS SELECT epoch_ms(t) // " + ms + " AS b, max(t) AS kt FROM frames"
                    + " GROUP BY b");
            String bucket = " JOIN keep k ON epoch_ms(x.t) // " + ms + " = k.b";
            s.execute("INSERT OR REPLACE INTO thin.meta SELECT * FROM meta");
            s.execute("INSERT INTO thin.frames SELECT x.* FROM frames x JOIN keep k ON x.t = k.kt ORDER BY x.t");
            s.execute("INSERT INTO thin.nodes SELECT k.kt, x.* EXCLUDE (t) FROM nodes x" + bucket
                    + " QUALIFY row_number() OVER (PARTITION BY x.id, k.kt ORDER BY x.t DESC) = 1 ORDER BY x.id, k.kt");
            s.execute("INSERT INTO thin.gpu_info SELECT k.kt, x.* EXCLUDE (t) FROM gpu_info x" + bucket
                    + " QUALIFY row_number() OVER (PARTITION BY x.node, x.pos, k.kt ORDER BY x.t DESC) = 1"
                    + " ORDER BY x.node, x.pos, k.kt");
            s.execute("INSERT INTO thin.gpu_samples SELECT k.kt, x.node, x.pos, " + of("avg", "util") + ", "
                    + of("avg", "mem_used") + ", " + of("max", "temp") + ", " + of("max", "mem_temp") + ", "
                    + of("avg", "power") + ", " + of("avg", "sm_clock") + ", " + of("max", "ecc_corr") + ", "
                    + of("max", "ecc_uncorr") + ", coalesce(arg_max(x.xid, x.t) FILTER (WHERE x.xid <> 0),"
                    + " arg_max(x.xid, x.t)), bit_or(x.throttle), max(x.health) FROM gpu_samples x" + bucket
                    + " GROUP BY k.kt, x.node, x.pos ORDER BY x.node, x.pos, k.kt");
            s.execute("INSERT INTO thin.capacity SELECT x.* FROM capacity x JOIN keep k ON x.t = k.kt"
                    + " ORDER BY x.t, x.model, x.region, x.provider");
            s.execute("INSERT INTO thin.documents SELECT k.kt, x.kind, x.body FROM documents x" + bucket
                    + " QUALIFY row_number() OVER (PARTITION BY x.kind, k.kt ORDER BY x.t DESC) = 1 ORDER BY x.kind, k.kt");
            if (hasTable(s, own, "fleet_series")) { // recordings from before it have none
                s.execute("INSERT INTO thin.fleet_series SELECT k.kt, x.key, avg(x.value) FROM fleet_series x" + bucket
                        + " GROUP BY k.kt, x.key ORDER BY x.key, k.kt");
            }
            s.execute("INSERT OR REPLACE INTO thin.meta VALUES ('step', '" + step + "')");
            s.execute("DETACH thin");
            LOG.log(System.Logger.Level.INFO, "thinned " + file.getFileName() + " to one frame per " + step + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } finally {
            Segments.closeQuietly(db);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
        return true;
    }

    /** An aggregate over the values a GPU reported in a step (a missing value, NaN, is left out; none: NaN). */
    private static String of(String aggregate, String column) {
        return "coalesce(" + aggregate + "(x." + column + ") FILTER (WHERE NOT isnan(x." + column + ")), 'NaN'::DOUBLE)";
    }

    /** The step a segment's frames are apart: its downsampling step, else its recording resolution. */
    static Duration currentStep(Statement s) throws SQLException {
        String step = meta(s, "step");
        if (step == null) {
            step = meta(s, "resolution");
        }
        try {
            return step == null ? Duration.ZERO : Duration.parse(step);
        } catch (java.time.format.DateTimeParseException e) {
            return Duration.ZERO;
        }
    }

    private static String meta(Statement s, String key) throws SQLException {
        return meta(s, key, null);
    }

    private static String meta(Statement s, String key, String database) throws SQLException {
        String table = database == null ? "meta" : "\"" + database.replace("\"", "\"\"") + "\".meta";
        try (var rs = s.executeQuery("SELECT value FROM " + table + " WHERE key = '" + key + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean hasTable(Statement s, String database, String table) throws SQLException {
        try (var rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_catalog = '"
                + database.replace("'", "''") + "' AND table_name = '" + table + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /** Removes what a crash mid-way left behind. */
    static void removeLeftovers(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(TEMP_SUFFIX)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not tidy " + directory + ": " + e.getMessage());
        }
    }
}
