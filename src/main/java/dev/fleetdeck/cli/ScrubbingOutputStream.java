package dev.fleetdeck.cli;

import dev.fleetdeck.model.Redaction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error as FleetDeck writes them: line by line through {@link Redaction}, so that no known
 * secret reaches the terminal, a pipe or a log file in any form, whatever printed it (probe's table and JSON,
 * check-config, the log handler, a stack trace). A line is held until its end (or 64 KiB, or a flush), so a secret
 * written in two pieces is still seen whole.
 *
 * <p>Threads: any; writes are serialised.
 */
final class ScrubbingOutputStream extends OutputStream {
    private static final int MAX_PENDING = 64 * 1024;
    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    private ScrubbingOutputStream(OutputStream out) {
        this.out = out;
    }

    /** A UTF-8 print stream over {@code out} that scrubs every line. */
    static PrintStream wrap(OutputStream out) {
        return new PrintStream(new ScrubbingOutputStream(out), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_PENDING) {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            line.write(b[i]);
            if (b[i] == '\n' || line.size() >= MAX_PENDING) {
                emit();
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        if (!Redaction.active()) {
            line.writeTo(out);
        } else {
            String text = line.toString(StandardCharsets.UTF_8);
            out.write(Redaction.scrub(text).getBytes(StandardCharsets.UTF_8));
        }
        line.reset();
    }
}
