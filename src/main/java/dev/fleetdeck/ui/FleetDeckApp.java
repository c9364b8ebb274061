package dev.fleetdeck.ui;

import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.service.FleetMonitor;
import java.time.Clock;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The desktop application: the overview window over a running polling service. The CLI loads and validates the
 * configuration before JavaFX starts and hands it over with {@link #launch(FleetDeckConfig, ServiceFactory)}.
 */
public final class FleetDeckApp extends Application {
    private static final System.Logger LOG = System.getLogger(FleetDeckApp.class.getName());
    private static final AtomicReference<Launch> PENDING = new AtomicReference<>();

    private FleetMonitor monitor;
    private MainView view;
    private long launchNanos;

    /** Builds the polling service for a configuration (the CLI owns how). */
    @FunctionalInterface
    public interface ServiceFactory {
        FleetMonitor create(FleetDeckConfig config);
    }

    private record Launch(FleetDeckConfig config, ServiceFactory services, long nanos) {
    }

    /** Opens the dashboard and blocks until its window is closed. Call from the main thread. */
    public static void launch(FleetDeckConfig config, ServiceFactory services) {
        if (!PENDING.compareAndSet(null, new Launch(config, services, System.nanoTime()))) {
            throw new IllegalStateException("the application was already launched");
        }
        Application.launch(FleetDeckApp.class);
    }

    @Override
    public void start(Stage stage) {
        Launch launch = PENDING.get();
        if (launch == null) {
            throw new IllegalStateException("start FleetDeck through dev.fleetdeck.cli.Main");
        }
        launchNanos = launch.nanos();
        FleetDeckConfig config = launch.config();
        String source = config.isBuiltInDefault() ? "built-in simulated fleet" : config.source();
        monitor = launch.services().create(config);
        view = new MainView(source, monitor.events(), Clock.systemUTC(), ZoneId.systemDefault());
        Scene scene = new Scene(view.node(), 1600, 900);
        view.installShortcuts(scene);
        scene.getStylesheets().add(Stylesheets.dark());
        stage.setScene(scene);
        stage.setTitle(WindowTitle.waiting(source));
        stage.setMinWidth(1024);
        stage.setMinHeight(640);

        SnapshotBus bus = new SnapshotBus(snap -> {
            boolean first = view.overview().current() == null;
            view.update(snap);
            stage.setTitle(WindowTitle.of(source, snap, ZoneId.systemDefault()));
            if (first) {
                reportFirstFrame(scene);
            }
        });
        monitor.addListener(bus);
        monitor.start();
        view.startTicking();
        stage.show();
    }

    private void reportFirstFrame(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            LOG.log(System.Logger.Level.INFO, "first frame with fleet data {0} ms after launch, {1} ms after JVM start",
                    (System.nanoTime() - launchNanos) / 1_000_000,
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    @Override
    public void stop() {
        if (view != null) {
            view.stopTicking();
        }
        if (monitor != null) {
            monitor.close();
        }
    }
}
