package dev.fleetdeck.ui.app;

import javafx.application.Platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Starts JavaFX early and runs the window on it. Starting the toolkit (display connection, GTK, the renderer) takes
 * about 0.9 s on a 2-core machine; {@link #warmUp()} begins it on its own thread as soon as the command line says a
 * window is wanted, so it overlaps reading the configuration and the first poll instead of following them.
 * {@link #run} then plays {@code Application.launch}'s part: it runs the window's start on the FX thread and blocks
 * until the window quits. A toolkit that cannot start (no display) fails {@link #run} with a
 * {@link NoWindowException} that says why in one line.
 */
public final class FxToolkit {
    private static final Object LOCK = new Object();
    private static CompletableFuture<Void> started;

    private FxToolkit() {
    }

    /** Starts the toolkit now, on a daemon thread of its own; a second call does nothing. Any thread. */
    public static void warmUp() {
        CompletableFuture<Void> s;
        synchronized (LOCK) {
            if (started != null) {
                return;
            }
            s = new CompletableFuture<>();
            started = s;
        }
        Thread.ofPlatform().name("fleetdeck-fx-startup").daemon().start(() -> {
            try {
                Platform.startup(() -> s.complete(null));
            } catch (RuntimeException | Error e) {
                s.completeExceptionally(e);
            }
        });
    }

    /**
     * Runs {@code start} on the FX thread once the toolkit is up, handing it the action that ends the program
     * (stop what runs, then leave JavaFX); blocks until that action has run. Main thread.
     *
     * @param start builds and shows the window; receives "quit", to call once when the window closes
     */
    static void run(Consumer<Runnable> start) {
        warmUp();
        try {
            started.get();
        } catch (ExecutionException e) {
            throw new NoWindowException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // The window decides when to quit (its own close, or leaving a showroom started alone), not JavaFX.
        Platform.setImplicitExit(false);
        CountDownLatch done = new CountDownLatch(1);
        RuntimeException[] failed = new RuntimeException[1];
        Runnable quit = () -> {
            done.countDown();
            Platform.exit();
        };
        Platform.runLater(() -> {
            try {
                start.accept(quit);
            } catch (RuntimeException e) {
                failed[0] = e;
                quit.run();
            }
        });
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed[0] != null) {
            throw failed[0];
        }
    }
}
