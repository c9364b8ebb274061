package dev.fleetdeck.config;

import dev.fleetdeck.provider.input.BoundedFile;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hot reload: watches one configuration file and, when its content changes, loads and validates it. A valid file is
 * handed on as {@link Outcome.Loaded}; an invalid one as {@link Outcome.Rejected} with every error, so the caller
 * keeps the running configuration. A file that does not exist yet is picked up when it is created (first save from
 * the settings dialog); a deleted file changes nothing.
 *
 * <p>Change detection: the directory's {@link WatchService} for promptness, plus a check every
 * {@link #RECHECK} for file systems without change events. Editors write in steps (truncate, write, rename), so a
 * change is read only once the file has stayed the same for {@link #SETTLE}; content identical to the last one read
 * (e.g. a save that changed nothing, or a touch) is ignored.
 *
 * <p>Threads: one owned daemon thread, {@code fleetdeck-config-watch}, stopped by {@link #close()}. The listener is
 * called on it and must hand work on rather than block.
 */
public final class ConfigWatcher implements AutoCloseable {
    static final Duration SETTLE = Duration.ofMillis(200);
    static final Duration RECHECK = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(ConfigWatcher.class.getName());

    /** What reading a changed file gave. */
    public sealed interface Outcome {
        /** A valid configuration, not yet running: the listener applies it or closes it. */
        record Loaded(FleetDeckConfig config) implements Outcome {
        }

        /** An invalid edit: the running configuration stays. */
        record Rejected(Path file, List<ConfigError> errors) implements Outcome {
            public Rejected {
                errors = List.copyOf(errors);
            }
        }
    }

    private final Path file;
    private final ConfigLoader loader;
    private final Consumer<Outcome> listener;
    private final Thread thread;
    private volatile boolean closed;
    private volatile WatchService watch;
    private byte[] lastDigest;

    /**
     * @param file     the file to follow (it may not exist yet)
     * @param loader   validates it
     * @param current  the content of the configuration running now, or null: the same content is not reloaded
     * @param listener gets each new outcome, on the watcher thread
     */
    public ConfigWatcher(Path file, ConfigLoader loader, byte[] current, Consumer<Outcome> listener) {
        this.file = file.toAbsolutePath();
        this.loader = Objects.requireNonNull(loader, "loader");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.lastDigest = current == null ? null : digest(current);
        this.thread = Thread.ofPlatform().name("fleetdeck-config-watch").daemon(true).unstarted(this::run);
    }

    /** Starts watching. */
    public ConfigWatcher start() {
        thread.start();
        return this;
    }

    /** The file followed. */
    public Path file() {
        return file;
    }

    private void run() {
        while (!closed) {
            try {
                WatchService ws = register();
                WatchKey key = ws == null ? null : ws.poll(RECHECK.toMillis(), TimeUnit.MILLISECONDS);
                if (ws == null) {
                    Thread.sleep(RECHECK.toMillis());
                }
                if (key != null) {
                    key.pollEvents();
                    if (!key.reset()) {
                        closeWatch();
                    }
                }
                checkNow();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "configuration watch failed; checking again in "
                        + RECHECK.toSeconds() + " s", e);
            }
        }
    }

    /** The directory's watch service, registered on first use (null while the directory does not exist). */
    private WatchService register() {
        if (watch != null) {
            return watch;
        }
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        try {
            WatchService ws = FileSystems.getDefault().newWatchService();
            dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            watch = ws;
            return ws;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "no change events for {0} ({1}); checking every {2} s", dir,
                    e.getMessage(), RECHECK.toSeconds());
            return null;
        }
    }

    private void closeWatch() {
        WatchService ws = watch;
        watch = null;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                // nothing to release
            }
        }
    }

    /** Reads the file once it has settled and hands on a changed content's outcome. Watcher thread (and tests). */
    void checkNow() throws InterruptedException {
        byte[] content = settledContent();
        if (content == null) {
            return;
        }
        byte[] d = digest(content);
        if (Arrays.equals(d, lastDigest)) {
            return;
        }
        lastDigest = d;
        Outcome outcome;
        try {
            outcome = new Outcome.Loaded(loader.load(file));
        } catch (ConfigException e) {
            outcome = new Outcome.Rejected(file, e.errors());
        }
        if (closed) {
            if (outcome instanceof Outcome.Loaded loaded) {
                loaded.config().close();
            }
            return;
        }
        listener.accept(outcome);
    }

    /** The file's bytes once two reads {@link #SETTLE} apart agree; null when absent or too large to be config. */
    private byte[] settledContent() throws InterruptedException {
        byte[] before = read();
        while (before != null) {
            Thread.sleep(SETTLE.toMillis());
            byte[] after = read();
            if (after == null || Arrays.equals(before, after)) {
                return after;
            }
            before = after;
        }
        return null;
    }

    private byte[] read() {
        try {
            if (!Files.exists(file)) {
                return null;
            }
            return BoundedFile.read(file, ConfigLoader.MAX_BYTES, "configuration file");
        } catch (BoundedFile.Refused e) {
            return new byte[0]; // the loader reports what is wrong; never read a huge or special file into memory
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the watcher thread and waits for it. Idempotent. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        closeWatch();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
