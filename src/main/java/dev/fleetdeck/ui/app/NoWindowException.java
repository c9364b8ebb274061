package dev.fleetdeck.ui.app;

/**
 * JavaFX could not open a window (no display, no GTK): said in one line by the command line, with what works
 * without a display.
 */
public final class NoWindowException extends RuntimeException {
    NoWindowException(Throwable cause) {
        super("cannot open a window: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage()) + ". Set DISPLAY (or run under Xvfb), or use a command that needs no display:"
                + " probe, snapshot, exporter, check-config", cause);
    }
}
