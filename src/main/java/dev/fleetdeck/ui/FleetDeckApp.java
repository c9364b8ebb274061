package dev.fleetdeck.ui;

import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.service.FleetMonitor;
import dev.fleetdeck.ui.showroom.ShowroomView;
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
    private Offload offload;
    private ShowroomView showroom;
    private Stage stage;
    private Scene scene;
    private volatile FleetDeckConfig config;
    private ServiceFactory services;
    private java.nio.file.Path configFile;
    private dev.fleetdeck.config.ConfigWatcher watcher;
    private dev.fleetdeck.provider.ProviderRegistry registry;
    private boolean quitOnShowroomExit;
    private boolean sawFleet;
    private javafx.geometry.Rectangle2D windowBefore;
    private long launchNanos;

    /** Builds the back end for a configuration, and applies a reloaded one to it (the CLI owns how). */
    public interface ServiceFactory {
        FleetMonitor create(FleetDeckConfig config);

        /** Hot reload: applies a valid, reloaded configuration to the running back end. Any thread. */
        void reconfigure(FleetMonitor monitor, FleetDeckConfig config);
    }

    private record Launch(FleetDeckConfig config, ServiceFactory services, long nanos, boolean showroom,
                          java.nio.file.Path configFile) {
    }

    /**
     * Opens the dashboard, or with {@code showroom} the full-screen showroom (leaving it quits), and blocks until
     * the window is closed. Call from the main thread.
     *
     * @param configFile the file the settings dialog saves to and hot reload follows (the one loaded, or where the
     *                   user's configuration goes when the built-in fleet runs)
     */
    public static void launch(FleetDeckConfig config, ServiceFactory services, boolean showroom,
                              java.nio.file.Path configFile) {
        if (!PENDING.compareAndSet(null, new Launch(config, services, System.nanoTime(), showroom, configFile))) {
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
        offload = Offload.background();
        // First run (no config file yet): the header says where real sources go.
        String header = config.isBuiltInDefault() ? source + " · add your sources in "
                + dev.fleetdeck.config.ConfigLocations.userConfig() + " (see README)" : source;
        view = new MainView(header, monitor.events(), monitor.history(), Clock.systemUTC(), ZoneId.systemDefault(),
                offload, dev.fleetdeck.ui.alerts.AlertSources.of(monitor));
        var notifier = new dev.fleetdeck.ui.alerts.AlertNotifier(() -> stage,
                monitor.alerts().settings().notifyEvery());
        monitor.alerts().addFiringListener(notifier::fired);
        Scene scene = new Scene(view.node(), 1600, 900);
        view.installShortcuts(scene);
        scene.getStylesheets().add(Stylesheets.dark());
        stage.setScene(scene);
        stage.setTitle(WindowTitle.waiting(source));
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        restoreWindow(stage);

        this.stage = stage;
        this.scene = scene;
        this.config = config;
        this.quitOnShowroomExit = launch.showroom();
        view.setOnShowroom(this::enterShowroom);
        this.services = launch.services();
        this.configFile = launch.configFile();
        view.setOnSettings(this::openSettings);
        startWatching(config);
        view.overview().usePowerHistory(now -> monitor.history().fleet().query(
                dev.fleetdeck.service.history.FleetSeries.POWER_KW, java.time.Duration.ofHours(2), now));
        SnapshotBus bus = new SnapshotBus(snap -> {
            boolean first = !sawFleet && snap.gpuCount() > 0;
            sawFleet |= first;
            view.update(snap);
            if (showroom != null) {
                showroom.update(snap);
            }
            stage.setTitle(WindowTitle.of(source, snap, ZoneId.systemDefault()));
            if (first) {
                reportFirstFrame(scene);
            }
        });
        monitor.addListener(bus);
        monitor.start();
        view.startTicking();
        stage.show();
        if (launch.showroom()) {
            enterShowroom();
        }
    }

    /** Puts the window and view back where the user left them (see {@link WindowState}). */
    private void restoreWindow(Stage stage) {
        WindowState.load(WindowState.defaultFile()).ifPresent(saved -> {
            WindowState s = saved.fitTo(javafx.stage.Screen.getScreens().stream()
                    .map(javafx.stage.Screen::getVisualBounds).toList());
            stage.setX(s.x());
            stage.setY(s.y());
            stage.setWidth(s.width());
            stage.setHeight(s.height());
            stage.setMaximized(s.maximized());
            if (MainView.VIEWS.contains(s.view())) {
                view.show(s.view());
            }
            if (Theme.of(s.theme()) != Theme.DARK) {
                view.applyTheme(Theme.of(s.theme()));
            }
        });
    }

    private void saveWindow() {
        if (stage == null || view == null) {
            return;
        }
        javafx.geometry.Rectangle2D bounds = showroom != null && windowBefore != null ? windowBefore
                : new javafx.geometry.Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        if (bounds.getWidth() > 0 && bounds.getHeight() > 0) {
            new WindowState(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight(),
                    stage.isMaximized(), view.currentView(), Palette.theme().key()).save(WindowState.defaultFile());
        }
    }

    /** Full screen, customer-safe pages; the keyboard shortcut (and PIN) leads back. FX thread. */
    private void enterShowroom() {
        if (showroom != null) {
            return;
        }
        showroom = new ShowroomView(config.showroom(), monitor.history().fleet(), Clock.systemUTC(),
                this::leaveShowroom);
        scene.setRoot(showroom.node());
        // Cover the screen even where the window manager ignores full-screen requests (kiosk setups, bare X).
        windowBefore = new javafx.geometry.Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(windowBefore).stream()
                .findFirst().orElse(javafx.stage.Screen.getPrimary()).getBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        stage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        if (view.latest() != null) {
            showroom.update(view.latest());
        }
        showroom.start();
        showroom.install(scene);
    }

    private void leaveShowroom() {
        if (quitOnShowroomExit) {
            javafx.application.Platform.exit();
            return;
        }
        showroom.dispose();
        showroom = null;
        stage.setFullScreen(false);
        if (windowBefore != null) {
            stage.setX(windowBefore.getMinX());
            stage.setY(windowBefore.getMinY());
            stage.setWidth(windowBefore.getWidth());
            stage.setHeight(windowBefore.getHeight());
        }
        scene.setRoot(view.node());
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

    /**
     * Hot reload: follows the configuration file; a valid edit is applied to the running back end, an invalid one is
     * shown with its errors and changes nothing.
     */
    private void startWatching(FleetDeckConfig running) {
        registry = dev.fleetdeck.provider.ProviderRegistry.load();
        byte[] current = null;
        if (!running.isBuiltInDefault()) {
            try {
                current = java.nio.file.Files.readAllBytes(configFile);
            } catch (java.io.IOException e) {
                LOG.log(System.Logger.Level.INFO, "cannot read {0} again: {1}", configFile, e.getMessage());
            }
        }
        watcher = new dev.fleetdeck.config.ConfigWatcher(configFile, new dev.fleetdeck.config.ConfigLoader(registry),
                current, this::reloaded).start();
    }

    /** On the watcher thread: apply (off the FX thread), then one runLater to report it. */
    private void reloaded(dev.fleetdeck.config.ConfigWatcher.Outcome outcome) {
        switch (outcome) {
            case dev.fleetdeck.config.ConfigWatcher.Outcome.Loaded loaded -> {
                FleetDeckConfig next = loaded.config();
                services.reconfigure(monitor, next);
                config = next;
                String text = "Configuration reloaded from " + next.source() + ": " + next.providers().size()
                        + (next.providers().size() == 1 ? " source" : " sources");
                LOG.log(System.Logger.Level.INFO, text);
                javafx.application.Platform.runLater(() -> view.configApplied(text));
            }
            case dev.fleetdeck.config.ConfigWatcher.Outcome.Rejected rejected -> {
                LOG.log(System.Logger.Level.WARNING, "{0} changed but is not valid; keeping the running "
                        + "configuration:\n{1}", rejected.file(), String.join("\n",
                        rejected.errors().stream().map(Object::toString).toList()));
                javafx.application.Platform.runLater(() -> view.configRejected(rejected.file().toString(),
                        rejected.errors()));
            }
        }
    }

    /** Ctrl+, : reads the file in the background, then opens the settings dialog over the window. */
    private void openSettings() {
        FleetDeckConfig running = config;
        Thread.ofVirtual().name("fleetdeck-settings-open").start(() -> {
            try {
                var edit = dev.fleetdeck.config.ConfigEdit.open(configFile, running.isBuiltInDefault()
                        ? dev.fleetdeck.config.ConfigLoader.defaultText() : "providers: []\n");
                var forms = new dev.fleetdeck.config.OptionForms(registry);
                javafx.application.Platform.runLater(() -> new dev.fleetdeck.ui.settings.SettingsDialog(edit, forms,
                        file -> view.configApplied("Saved " + file + "; applying…"), view::applyTheme).show(stage));
            } catch (java.io.IOException | dev.fleetdeck.config.ConfigException e) {
                javafx.application.Platform.runLater(() -> view.configRejected(configFile.toString(),
                        e instanceof dev.fleetdeck.config.ConfigException ce ? ce.errors()
                                : java.util.List.of(new dev.fleetdeck.config.ConfigError(
                                new dev.fleetdeck.config.ConfigLocation(configFile.toString(), 0, 0), "",
                                "cannot open for editing: " + e.getMessage()))));
            }
        });
    }

    @Override
    public void stop() {
        if (watcher != null) {
            watcher.close();
        }
        saveWindow();
        if (view != null) {
            view.stopTicking();
        }
        if (showroom != null) {
            showroom.dispose();
        }
        if (monitor != null) {
            monitor.close();
        }
        if (offload != null) {
            offload.close();
        }
    }
}
