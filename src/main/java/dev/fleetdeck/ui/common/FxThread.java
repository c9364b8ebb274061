package dev.fleetdeck.ui.common;

import javafx.application.Platform;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs work on the JavaFX thread from another thread and waits for the result (CLI and tests only). */
public final class FxThread {
    private FxThread() {
    }

    /** Runs {@code work} on the FX thread and returns its result; never call from the FX thread. */
    public static <T> T call(Callable<T> work, Duration timeout) throws Exception {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("FxThread.call would deadlock on the FX thread");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new TimeoutException("the JavaFX thread did not finish within " + timeout.toSeconds() + " s");
        }
    }
}
