package dev.fleetdeck.provider.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an external command (nvidia-smi, ssh) without a shell, with a timeout that kills the whole process tree,
 * output read on two virtual threads and capped, and the process always reaped (no zombies). Stdin is closed at
 * once, so a command that asks for a password fails instead of hanging.
 *
 * <p>Threads: call from a polling thread; any number at once. An interrupt kills the process tree and is passed on.
 */
public final class ProcessRunner {
    /** The most standard output kept; a command that prints more is killed. */
    public static final int MAX_STDOUT = 8 << 20;
    static final int MAX_STDERR = 64 << 10;

    /** The command could not start, timed out or printed too much. */
    public static final class Failure extends Exception {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ProcessRunner() {
    }

    /**
     * @param argv    the program and its arguments
     * @param timeout how long it may run
     * @return its result (any exit code)
     * @throws Failure              when it cannot start, runs past the timeout or prints more than the cap
     * @throws InterruptedException when the calling thread is interrupted (the process tree is killed first)
     */
    public static ProcessResult run(List<String> argv, Duration timeout) throws Failure, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(inOwnSession(argv)).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new Failure("cannot start " + argv.getFirst() + ": " + e.getMessage(), e);
        }
        AtomicBoolean tooMuch = new AtomicBoolean();
        try {
            process.getOutputStream().close();
            Capture out = new Capture(process.getInputStream(), MAX_STDOUT, tooMuch, process);
            Capture err = new Capture(process.getErrorStream(), MAX_STDERR, null, process);
            Thread outReader = Thread.ofVirtual().name("fleetdeck-proc-out").start(out);
            Thread errReader = Thread.ofVirtual().name("fleetdeck-proc-err").start(err);
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                killTree(process);
                throw new Failure(argv.getFirst() + " did not finish within " + timeout.toMillis()
                        + " ms (killed with its child processes)", null);
            }
            // The command is done. Whatever it left behind in its session (a child that detached, one that still
            // holds stdout open) is ended now, which also closes the pipes, so the readers finish at once.
            killGroup(process);
            outReader.join(Duration.ofSeconds(2));
            errReader.join(Duration.ofSeconds(2));
            if (tooMuch.get()) {
                throw new Failure(argv.getFirst() + " printed more than " + (MAX_STDOUT >> 20) + " MiB (killed)", null);
            }
            return new ProcessResult(process.exitValue(), out.text(), err.text());
        } catch (IOException e) {
            killTree(process);
            throw new Failure("cannot talk to " + argv.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        } finally {
            if (process.isAlive()) {
                killTree(process);
            }
        }
    }

    /** {@code setsid}, which makes each command the leader of its own session and process group. */
    private static final String SETSID = java.util.stream.Stream.of("/usr/bin/setsid", "/bin/setsid")
            .filter(p -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(p))).findFirst().orElse(null);
    private static final String KILL = java.util.stream.Stream.of("/usr/bin/kill", "/bin/kill")
            .filter(p -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(p))).findFirst().orElse(null);

    /**
     * The command run in a session of its own where the system has {@code setsid} (Linux): then its process group id
     * is its pid, and everything it starts — even a child that outlives it, re-parented to init — can be ended by
     * group, which {@link Process#descendants()} cannot do once the parent is gone.
     */
    static List<String> inOwnSession(List<String> argv) {
        if (SETSID == null || KILL == null) {
            return argv;
        }
        List<String> out = new java.util.ArrayList<>(argv.size() + 1);
        out.add(SETSID);
        out.addAll(argv);
        return out;
    }

    /** Ends every process left in the command's process group (SIGKILL); nothing when it has none. */
    static void killGroup(Process process) {
        if (SETSID == null || KILL == null) {
            return;
        }
        try {
            Process kill = new ProcessBuilder(KILL, "-KILL", "--", "-" + process.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(2, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            // kill(1) could not start: the descendants still get destroyed by killTree where it applies
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process, its process group and every descendant, then waits briefly so the kernel reaps them. */
    static void killTree(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        killGroup(process);
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one stream to the end, keeping at most {@code cap} bytes. */
    private static final class Capture implements Runnable {
        private final InputStream in;
        private final int cap;
        private final AtomicBoolean overflow;
        private final Process process;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Capture(InputStream in, int cap, AtomicBoolean overflow, Process process) {
            this.in = in;
            this.cap = cap;
            this.overflow = overflow;
            this.process = process;
        }

        @Override
        public void run() {
            byte[] buf = new byte[16_384];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    int room = cap - kept.size();
                    if (n > room) {
                        kept.write(buf, 0, Math.max(0, room));
                        if (overflow != null) {
                            overflow.set(true);
                            killTree(process);
                            return;
                        }
                        continue; // stderr: keep draining so the process never blocks on a full pipe
                    }
                    kept.write(buf, 0, n);
                }
            } catch (IOException e) {
                // The process was killed or closed its end; what was read is kept.
            }
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
