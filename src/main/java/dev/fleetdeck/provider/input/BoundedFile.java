package dev.fleetdeck.provider.input;

import dev.fleetdeck.model.SafeText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way FleetDeck reads a file that someone else wrote (a configuration, a secret, a saved scrape, a target or
 * host list, a kubeconfig): only a regular file (a symbolic link is followed to one) — never a directory, a named
 * pipe, a socket or a device such as {@code /dev/zero}, which would block or never end — read with a hard byte cap
 * (the bytes past it are never read) and a time limit (a hung network mount cannot hold a poll or the window).
 * Every refusal is a {@link Refused} whose message names the file and says what was wrong in words.
 *
 * <p>Threads: any. The read itself runs on a short-lived virtual thread so that the time limit holds.
 */
public final class BoundedFile {
    /** How long one read may take unless the caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** A file that was not read, with the reason in the message. */
    public static final class Refused extends IOException {
        private final String reason;

        Refused(String what, Path file, String reason) {
            super(what + " " + SafeText.of(file.toString()) + ": " + reason);
            this.reason = reason;
        }

        /** What was wrong, without the file's name ("is a directory, not a file"). */
        public String reason() {
            return reason;
        }
    }

    private BoundedFile() {
    }

    /**
     * The file's bytes.
     *
     * @param what     what the file is for, for messages ("secret file", "configuration file")
     * @param maxBytes the most that may be read; a larger file is refused
     */
    public static byte[] read(Path file, long maxBytes, String what) throws Refused, InterruptedException {
        return read(file, maxBytes, DEFAULT_TIMEOUT, what);
    }

    /** The file's bytes, read within {@code timeout}. */
    public static byte[] read(Path file, long maxBytes, Duration timeout, String what)
            throws Refused, InterruptedException {
        checkRegular(file, maxBytes, what);
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().name("fleetdeck-file-read").start(() -> {
            try {
                result.complete(readCapped(file, maxBytes, what));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reader.interrupt(); // a FileChannel closes on interrupt, which ends the read
            throw new Refused(what, file, "could not be read within " + timeout.toMillis()
                    + " ms (a hung network file system?)");
        } catch (InterruptedException e) {
            reader.interrupt();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Refused r) {
                throw r;
            }
            throw new Refused(what, file, "cannot be read: " + reason(e.getCause()));
        }
    }

    /**
     * Refuses what is not a regular file, or is larger than {@code maxBytes}, without opening it (opening a FIFO
     * blocks until a writer comes).
     */
    public static void checkRegular(Path file, long maxBytes, String what) throws Refused {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new Refused(what, file, "no such file");
        } catch (IOException e) {
            throw new Refused(what, file, "cannot be read: " + reason(e));
        }
        if (a.isDirectory()) {
            throw new Refused(what, file, "is a directory, not a file");
        }
        if (!a.isRegularFile()) {
            throw new Refused(what, file, "is " + sort(file) + ", not a regular file; FleetDeck reads "
                    + "only regular files");
        }
        if (a.size() > maxBytes) {
            throw new Refused(what, file, "is " + a.size() + " bytes; " + what + "s are limited to " + maxBytes + " bytes");
        }
    }

    private static byte[] readCapped(Path file, long maxBytes, String what) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(ch)) {
            if (!Files.isRegularFile(file)) { // swapped for something else between the check and the open
                throw new Refused(what, file, "is no longer a regular file");
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new Refused(what, file, "grew past the limit of " + maxBytes + " bytes while read");
            }
            return bytes;
        }
    }

    private static String sort(Path file) {
        try {
            Object type = Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (Files.isSymbolicLink(file)) {
                type = Files.getAttribute(file, "unix:mode");
            }
            int mode = (Integer) type & 0170000;
            return switch (mode) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) { // no unix:mode here (another OS): name it generally
            return "a special file";
        }
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + SafeText.of(m));
    }
}
