package dev.fleetdeck.service.recording;

import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Seals finished segments on its own thread ({@code fleetdeck-recorder-seal}), so the recorder goes straight on with
 * the next one: the segment is rewritten into a new file with every GPU's samples side by side in time order
 * ({@code ORDER BY node, pos, t}), where DuckDB's compression finds the runs and small steps of each series, then
 * moved over the old one in one rename. A crash mid-way leaves the old file whole and a {@code .sealing} file that the
 * next start removes.
 */
final class Sealer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Sealer.class.getName());
    static final String TEMP_SUFFIX = ".sealing";
    /**
     * GPU samples are sealed in time buckets of this many ms, each ordered by series: a seek then reads the row groups
     * of one bucket instead of the whole hour, and a series still has a bucket's run of samples to compress. 0: one
     * bucket (the whole segment by series). {@code -Dfleetdeck.recording.sealBucketMs} changes it (benchmarks).
     */
    static final long BUCKET_MS = Long.getLong("fleetdeck.recording.sealBucketMs", 600_000);

    private static final String[] ORDER = {
        "meta", "", "frames", "t", "nodes", "id, t", "gpu_info", "node, pos, t", "gpu_samples", "node, pos, t",
        "capacity", "t, model, region, provider", "documents", "kind, t", "fleet_series", "key, t",
    };

    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("fleetdeck-recorder-seal").daemon(true).unstarted(r));

    /** Seals {@code file} (closed by its writer) later, on the sealing thread. */
    void sealLater(Path file, String resolution) {
        thread.execute(() -> {
            try {
                rewrite(file, resolution);
            } catch (RuntimeException | SQLException | IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not seal " + file + " (it stays readable as written): "
                        + Segments.firstLine(String.valueOf(e.getMessage())));
            }
        });
    }

    /** Thins the directory's old segments (see {@link Downsampler}) later, on the sealing thread. */
    void downsampleLater(Path directory, java.time.Duration segment, java.time.Instant now) {
        thread.execute(() -> Downsampler.apply(directory, segment, now));
    }

    /** Rewrites a closed segment sorted by series and marks it sealed. The calling thread. */
    static void rewrite(Path file, String resolution) throws SQLException, IOException {
        Path temp = file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
        Files.deleteIfExists(temp);
        DuckDBConnection db = Segments.connect(file, false);
        try (Statement s = db.createStatement()) {
            Segments.checkFormat(db, file);
            String own = Segments.databaseName(s);
            s.execute("ATTACH '" + temp.toAbsolutePath().toString().replace("'", "''") + "' AS sealed");
            s.execute("USE sealed");
            Schema.create(db, resolution);
            s.execute("USE \"" + own.replace("\"", "\"\"") + "\"");
            for (int i = 0; i < ORDER.length; i += 2) {
                String table = ORDER[i];
                if (table.equals("meta")) {
                    s.execute("INSERT OR REPLACE INTO sealed.meta SELECT * FROM meta");
                    continue;
                }
                String order = table.equals("gpu_samples") && BUCKET_MS > 0
                        ? "epoch_ms(t) // " + BUCKET_MS + ", " + ORDER[i + 1] : ORDER[i + 1];
                s.execute("INSERT INTO sealed." + table + " SELECT * FROM " + table + " ORDER BY " + order);
            }
            s.execute("INSERT OR REPLACE INTO sealed.meta VALUES ('sealed', 'true')");
            s.execute("DETACH sealed");
        } finally {
            Segments.closeQuietly(db);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
    }

    /** Removes what a crash mid-seal left behind. */
    static void removeLeftovers(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(TEMP_SUFFIX)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not tidy " + directory + ": " + e.getMessage());
        }
    }

    /** Finishes the segments waiting to be sealed. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.MINUTES)) {
                LOG.log(System.Logger.Level.WARNING, "sealing did not finish; the segments stay readable as written");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
