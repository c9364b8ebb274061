package dev.fleetdeck.ui.render;

import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts JavaFX on its built-in headless platform (no display needed) with the software renderer, for the
 * {@code snapshot} command. Must run before any other JavaFX class is touched.
 */
public final class HeadlessPlatform {
    private HeadlessPlatform() {
    }

    /** Selects the headless platform and starts the toolkit; idempotent within one JVM. */
    public static void start() throws InterruptedException {
        setIfAbsent("glass.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("java.awt.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start within 30 s");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
