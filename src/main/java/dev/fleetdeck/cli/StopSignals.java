package dev.fleetdeck.cli;

/**
 * SIGTERM and SIGINT as a request to stop (for {@code serve}), so the command can shut down in order and exit 0, as a
 * service manager expects, instead of the JVM's 143. Uses {@code sun.misc.Signal} (module {@code jdk.unsupported},
 * in the packaged runtime); where it is missing, the caller falls back to a shutdown hook.
 */
final class StopSignals {
    private StopSignals() {
    }

    /** @return whether both signals now call {@code stop} (on the JVM's signal thread) */
    static boolean install(Runnable stop) {
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.run());
            }
            return true;
        } catch (IllegalArgumentException | LinkageError e) {
            return false;
        }
    }
}
