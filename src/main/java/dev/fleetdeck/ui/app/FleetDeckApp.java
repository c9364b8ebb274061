package dev.fleetdeck.ui.app;

import dev.fleetdeck.config.ConfigError;
import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.ConfigLocation;
import dev.fleetdeck.ui.alerts.AlertNotifier;
import dev.fleetdeck.ui.common.FrameBus;
import dev.fleetdeck.ui.common.Navigator;
import dev.fleetdeck.ui.common.Offload;
import dev.fleetdeck.ui.common.ViewContext;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.settings.SettingsDialog;
import dev.fleetdeck.ui.showroom.ShowroomView;
import dev.fleetdeck.ui.theme.Palette;
import dev.fleetdeck.ui.theme.Stylesheets;
import dev.fleetdeck.ui.theme.Theme;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The desktop window over a wired back end: the main view, the showroom, window placement and first-frame timing.
 * The composition root builds the back end and calls {@link #launch(DesktopBackend, boolean, long)}; JavaFX runs it
 * through {@link FxToolkit} (started early), so {@link #stop()} runs when the window closes, not at toolkit exit.
 */
public final class FleetDeckApp extends Application {
    private static final System.Logger LOG = System.getLogger(FleetDeckApp.class.getName());
    private static final AtomicReference<Launch> PENDING = new AtomicReference<>();

    private DesktopBackend backend;
    private MainView view;
    private Offload offload;
    private ShowroomView showroom;
    private Stage stage;
    private Scene scene;
    private boolean quitOnShowroomExit;
    private boolean sawFleet;
    private Rectangle2D windowBefore;
    private long launchNanos;
    private AlertNotifier notifier;

    private record Launch(DesktopBackend backend, boolean showroom, long nanos) {
    }

    /**
     * Opens the dashboard, or with {@code showroom} the full-screen showroom (leaving it quits), and blocks until
     * the window is closed. Call from the main thread.
     *
     * @param launchNanos {@link System#nanoTime()} when the command started (first-frame timing)
     */
    public static void launch(DesktopBackend backend, boolean showroom, long launchNanos) {
        if (!PENDING.compareAndSet(null, new Launch(backend, showroom, launchNanos))) {
            throw new IllegalStateException("the application was already launched");
        }
        FxToolkit.run(quit -> {
            FleetDeckApp app = new FleetDeckApp();
            app.quit = () -> {
                app.stop();
                quit.run();
            };
            app.start(new Stage());
        });
    }

    /** Stops what runs and leaves JavaFX (once). */
    private Runnable quit = () -> { };
    private boolean quitting;

    private void quit() {
        if (!quitting) {
            quitting = true;
            quit.run();
        }
    }

    @Override
    public void start(Stage stage) {
        Launch launch = PENDING.get();
        if (launch == null) {
            throw new IllegalStateException("start FleetDeck through dev.fleetdeck.cli.Main");
        }
        this.stage = stage;
        // Closing the window ends the program (JavaFX's implicit exit is off: see FxToolkit).
        stage.setOnHidden(e -> quit());
        backend = launch.backend();
        launchNanos = launch.nanos();
        quitOnShowroomExit = launch.showroom();
        offload = Offload.background();
        view = new MainView(new ViewContext(backend.header(), Clock.systemUTC(), ZoneId.systemDefault(), offload,
                Navigator.NONE, backend.alertActions()));
        // The first window fits the screen it opens on (a 1366×768 laptop gets the whole screen, not a cut 1600×900).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(view.node(), Math.min(1600, screen.getWidth()), Math.min(900, screen.getHeight()));
        view.installShortcuts(scene);
        scene.getStylesheets().add(Stylesheets.dark());
        stage.setScene(scene);
        String source = backend.sourceLabel();
        stage.setTitle(WindowTitle.waiting(source));
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        restoreWindow(stage);
        view.setOnShowroom(this::enterShowroom);
        view.setOnSettings(this::openSettings);

        AlertNotifier notifier = new AlertNotifier(() -> stage, backend.notifyEvery());
        notifier.setAdvice(a -> view.latestFrame() == null || a.scope() != dev.fleetdeck.model.AlertScope.NODE
                ? java.util.Optional.empty()
                : view.latestFrame().snapshot().nodes().stream()
                        .filter(n -> (n.provider() + "/" + n.hostname()).equals(a.group())).findFirst()
                        .flatMap(dev.fleetdeck.service.health.XidCatalog::immediateActions));
        notifier.holdUntilReady();
        this.notifier = notifier;
        TimeTravel travel = backend.timeMachine().map(m -> new TimeTravel(m, view, Clock.systemUTC(),
                ZoneId.systemDefault(), backend.replayPlan(), past -> {
                    if (!sawFleet && past.snapshot().gpuCount() > 0) { // a replay's first frame
                        sawFleet = true;
                        reportFirstFrame(scene);
                    }
                    if (showroom != null) {
                        showroom.show(past);
                    }
                })).orElse(null);
        if (travel != null) {
            travel.installKeys(scene);
        }
        FrameBus bus = new FrameBus(frame -> {
            boolean first = !sawFleet && frame.snapshot().gpuCount() > 0;
            sawFleet |= first;
            if (travel != null) {
                travel.live(frame);
            } else {
                view.show(frame);
            }
            view.banner().recording(backend.recordingProblem());
            if (showroom != null) {
                showroom.show(frame);
            }
            stage.setTitle(WindowTitle.of(source, frame.snapshot(), ZoneId.systemDefault()));
            if (first) {
                reportFirstFrame(scene);
            }
        });
        backend.start(bus, notifier::fired, new DesktopBackend.ReloadListener() {
            @Override
            public void applied(String text) {
                Platform.runLater(() -> view.configApplied(text));
            }

            @Override
            public void rejected(String file, List<ConfigError> errors) {
                Platform.runLater(() -> view.configRejected(file, errors));
            }
        });
        view.startTicking();
        stage.show();
        // Whatever happens to the sources, notifications are not held longer than this.
        PauseTransition latest = new PauseTransition(javafx.util.Duration.seconds(10));
        latest.setOnFinished(e -> notifier.ready());
        latest.play();
        if (launch.showroom()) {
            enterShowroom();
        }
    }

    /** Puts the window and view back where the user left them (see {@link WindowState}). */
    private void restoreWindow(Stage stage) {
        WindowState.load(WindowState.defaultFile()).ifPresent(saved -> {
            WindowState s = saved.fitTo(Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
            stage.setX(s.x());
            stage.setY(s.y());
            stage.setWidth(s.width());
            stage.setHeight(s.height());
            stage.setMaximized(s.maximized());
            ViewId.byKey(s.view()).filter(ViewId::inWindow).ifPresent(view::show);
            if (Theme.of(s.theme()) != Theme.DARK) {
                view.applyTheme(Theme.of(s.theme()));
            }
            view.typeScale().setZoom(s.zoom());
        });
    }

    private void saveWindow() {
        if (stage == null || view == null) {
            return;
        }
        Rectangle2D bounds = showroom != null && windowBefore != null ? windowBefore
                : new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        if (bounds.getWidth() > 0 && bounds.getHeight() > 0) {
            new WindowState(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight(),
                    stage.isMaximized(), view.currentView(), Palette.theme().key(), view.typeScale().zoom())
                    .save(WindowState.defaultFile());
        }
    }

    /** Full screen, customer-safe pages; the keyboard shortcut (and PIN) leads back. FX thread. */
    private void enterShowroom() {
        if (showroom != null) {
            return;
        }
        showroom = new ShowroomView(backend.showroom(), Clock.systemUTC(), this::leaveShowroom);
        scene.setRoot(showroom.node());
        // Cover the screen even where the window manager ignores full-screen requests (kiosk setups, bare X).
        windowBefore = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        Rectangle2D screen = Screen.getScreensForRectangle(windowBefore).stream()
                .findFirst().orElse(Screen.getPrimary()).getBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        if (view.latestFrame() != null) {
            showroom.show(view.latestFrame());
        }
        showroom.start();
        showroom.install(scene);
    }

    private void leaveShowroom() {
        if (quitOnShowroomExit) {
            quit();
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
            // Notifications wait until the window has shown fleet data for a moment (see AlertNotifier).
            PauseTransition settle = new PauseTransition(javafx.util.Duration.seconds(2));
            settle.setOnFinished(e -> notifier.ready());
            settle.play();
            backend.firstFrameShown();
            LOG.log(System.Logger.Level.INFO, "first frame with fleet data {0} ms after launch, {1} ms after JVM start",
                    (System.nanoTime() - launchNanos) / 1_000_000,
                    ManagementFactory.getRuntimeMXBean().getUptime());
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Ctrl+, : reads the file in the background, then opens the settings dialog over the window. */
    private void openSettings() {
        Thread.ofVirtual().name("fleetdeck-settings-open").start(() -> {
            try {
                DesktopBackend.SettingsAccess access = backend.openSettings();
                Platform.runLater(() -> new SettingsDialog(access.edit(), access.forms(), access.tester(),
                        file -> view.configApplied("Saved " + file + "; applying…"), view::applyTheme)
                        .zoomed(view.typeScale().zoom()).show(stage));
            } catch (IOException | ConfigException e) {
                String file = backend.configFile().toString();
                List<ConfigError> errors = e instanceof ConfigException ce ? ce.errors()
                        : List.of(new ConfigError(new ConfigLocation(file, 0, 0), "",
                        "cannot open for editing: " + e.getMessage()));
                Platform.runLater(() -> view.configRejected(file, errors));
            }
        });
    }

    @Override
    public void stop() {
        saveWindow();
        if (view != null) {
            view.stopTicking();
        }
        if (showroom != null) {
            showroom.dispose();
        }
        if (backend != null) {
            backend.close();
        }
        if (offload != null) {
            offload.close();
        }
    }
}
