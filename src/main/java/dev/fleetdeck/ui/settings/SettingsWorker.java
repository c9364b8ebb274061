package dev.fleetdeck.ui.settings;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The settings dialog's own background thread ({@code fleetdeck-settings}): describing forms, validating, testing
 * connections and saving touch files and the network, so none of it runs on the FX thread. Tasks run one at a time
 * in order; each hands one result back with one {@code runLater}. Closed with the dialog.
 */
final class SettingsWorker implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("fleetdeck-settings").daemon(true).factory());

    /** Runs {@code task} in the background, then {@code onResult} (or {@code onError}) on the FX thread. */
    <T> void run(Callable<T> task, Consumer<T> onResult, Consumer<Exception> onError) {
        try {
            executor.execute(() -> {
                try {
                    T result = task.call();
                    Platform.runLater(() -> onResult.accept(result));
                } catch (Exception e) {
                    Platform.runLater(() -> onError.accept(e));
                }
            });
        } catch (RejectedExecutionException e) {
            // closed with the dialog: nobody is waiting for the answer
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
