package dev.fleetdeck.service.recording;

import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Segment files: one DuckDB database per segment of recording (an hour by default), named by the UTC time it starts
 * ({@code fleetdeck-20261201T030000Z.duckdb}), and how to open one. Any thread.
 */
final class Segments {
    static final String SUFFIX = ".duckdb";
    private static final String PREFIX = "fleetdeck-";
    private static final String STAMP = "yyyyMMdd'T'HHmmss'Z'";
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern(STAMP).withZone(ZoneOffset.UTC);

    private Segments() {
    }

    /** The segment that holds {@code at}, segments being {@code length} long from the epoch on. */
    static Path fileFor(Path directory, Instant at, java.time.Duration length) {
        long ms = length.toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), ms) * ms).truncatedTo(ChronoUnit.SECONDS);
        return directory.resolve(PREFIX + START.format(start) + SUFFIX);
    }

    /** When a segment starts, from its name; null for a file that is not a segment. */
    static Instant startOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return null;
        }
        String stamp = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        try {
            return java.time.LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern(STAMP)).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Every segment in a directory, oldest first. */
    static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> out = new ArrayList<>(files.filter(p -> startOf(p) != null && Files.isRegularFile(p)).toList());
            out.sort(java.util.Comparator.comparing(Segments::startOf));
            return out;
        } catch (IOException e) {
            throw new RecordingException(directory + ": cannot list the recordings: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a segment. Read-only opens refuse a file that is not a regular file (a FIFO, a device) before DuckDB
     * sees it, and turn DuckDB's errors into a message that names the file.
     */
    static DuckDBConnection connect(Path file, boolean readOnly) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new RecordingException(file + ": not a regular file, so not a recording");
        }
        if (readOnly && !Files.exists(file)) {
            throw new RecordingException(file + ": no such recording");
        }
        Properties p = new Properties();
        if (readOnly) {
            p.setProperty("duckdb.read_only", "true");
        }
        p.setProperty("threads", "2");
        p.setProperty("memory_limit", "512MB");
        try {
            return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            if (readOnly && m.contains("different configuration")) {
                // This process writes the file (the recorder's open segment): share its database to read it.
                return connect(file, false);
            }
            if (m.contains("not a valid DuckDB database") || m.contains("Invalid Input Error")
                    || m.contains("version number")) {
                throw new RecordingException(file + ": not a recording (not a DuckDB database file)", e);
            }
            if (m.contains("lock")) {
                throw new RecordingException(file + ": being written by another process (this hour is readable"
                        + " once it is sealed)", e);
            }
            throw new RecordingException(file + ": cannot open: " + firstLine(m), e);
        }
    }

    /** Checks that a database holds a FleetDeck recording, or nothing yet. */
    static void checkFormatOrEmpty(DuckDBConnection db, Path file) throws SQLException {
        if (tableCount(db) != 0) {
            checkFormat(db, file);
        }
    }

    private static long tableCount(DuckDBConnection db) throws SQLException {
        try (Statement s = db.createStatement();
             var tables = s.executeQuery("SELECT count(*) FROM information_schema.tables")) {
            tables.next();
            return tables.getLong(1);
        }
    }

    /** Checks that a database holds a FleetDeck recording. */
    static void checkFormat(DuckDBConnection db, Path file) throws SQLException {
        String format = null;
        try (Statement s = db.createStatement();
             var rs = s.executeQuery("SELECT value FROM meta WHERE key = 'format'")) {
            if (rs.next()) {
                format = rs.getString(1);
            }
        } catch (SQLException e) {
            if (tableCount(db) == 0) {
                throw new RecordingException(file + ": holds no frame yet (just created)");
            }
            throw new RecordingException(file + ": a DuckDB database, but not a FleetDeck recording (no meta table)");
        }
        if (!Schema.FORMAT.equals(format)) {
            throw new RecordingException(file + ": a DuckDB database, but not a FleetDeck recording (format "
                    + (format == null ? "missing" : "'" + format + "'") + ", expected '" + Schema.FORMAT + "')");
        }
    }

    /** The name DuckDB gives the database a connection opened (to go back to it after a {@code USE}). */
    static String databaseName(Statement s) throws SQLException {
        try (var rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void closeQuietly(DuckDBConnection db) {
        try {
            db.close();
        } catch (SQLException e) {
            // closing: nothing left to save
        }
    }

    static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
