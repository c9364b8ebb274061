package dev.fleetdeck.ui.app;

import dev.fleetdeck.config.ConfigError;
import dev.fleetdeck.config.ConfigLocation;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.support.TestSnapshots;
import dev.fleetdeck.ui.render.PngWriter;
import dev.fleetdeck.ui.theme.Stylesheets;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hot reload as the operator sees it: a refused edit stays on screen with its errors; an applied one is noted. */
@ExtendWith(ApplicationExtension.class)
class ConfigBannerTest {
    private MainView view;

    @Start
    void start(Stage stage) {
        view = new MainView("test fleet", Clock.fixed(TestFleet.NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        Scene scene = new Scene(view.node(), 1000, 760);
        scene.getStylesheets().add(Stylesheets.dark());
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void refusedEditListsEveryErrorUntilDismissedAndAppliedEditIsNoted(FxRobot robot) throws Exception {
        assertFalse(view.banner().isShowing(), "nothing to report at start");
        robot.interact(() -> view.update(TestSnapshots.reference(1, TestFleet.NOW)));
        List<ConfigError> errors = List.of(
                new ConfigError(new ConfigLocation("/home/ops/.config/fleetdeck/config.yaml", 7, 15),
                        "providers[0].interval", "expected a positive duration such as 500ms, 2s, 5m or 1h, found 'soon'"),
                new ConfigError(new ConfigLocation("/home/ops/.config/fleetdeck/config.yaml", 9, 7),
                        "providers[0].options.nodse", "unknown key; did you mean 'nodes'?"));
        robot.interact(() -> view.configRejected("/home/ops/.config/fleetdeck/config.yaml", errors));
        assertTrue(view.banner().isShowing());
        assertTrue(view.banner().text().contains("not applied: 2 problems"), view.banner().text());
        assertEquals(2, robot.lookup(".config-banner-error-line").queryAll().size());
        assertTrue(robot.lookup(".config-banner-error-line").queryAll().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText())
                .anyMatch(t -> t.startsWith("/home/ops/.config/fleetdeck/config.yaml:9:7: providers[0].options.nodse")));

        Path out = Path.of("target", "ui-snapshots", "config-rejected.png");
        Files.createDirectories(out.getParent());
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> {
            // The window is smaller than full HD on the headless screen: render a full-HD twin off screen.
            MainView big = new MainView("test fleet", Clock.fixed(TestFleet.NOW, ZoneOffset.UTC),
                    ZoneOffset.UTC);
            Scene scene = new Scene(big.node(), 1920, 1080);
            scene.getStylesheets().add(Stylesheets.dark());
            big.update(TestSnapshots.reference(1, TestFleet.NOW));
            big.configRejected("/home/ops/.config/fleetdeck/config.yaml", errors);
            img[0] = scene.snapshot(null);
        });
        PngWriter.write(img[0], out);

        robot.interact(() -> robot.lookup("#config-banner-close").queryButton().fire());
        assertFalse(view.banner().isShowing());

        robot.interact(() -> view.configApplied("Configuration reloaded from config.yaml: 2 sources"));
        assertTrue(view.banner().isShowing());
        assertEquals(0, robot.lookup(".config-banner-error-line").queryAll().size());
    }

    @Test
    void aPausedRecorderIsReportedUntilItRecordsAgain(FxRobot robot) {
        robot.interact(() -> view.banner().recording(java.util.Optional.of(
                "disk full: recording paused, 12 MiB free on /home/ops/.local/share/fleetdeck/recordings")));
        assertTrue(view.banner().isShowing());
        assertTrue(view.banner().text().contains("Flight recorder: disk full: recording paused, 12 MiB free"),
                view.banner().text());
        assertTrue(view.banner().text().contains("Polling and alerts go on"), view.banner().text());
        robot.interact(() -> view.banner().recording(java.util.Optional.of(
                "disk full: recording paused, 12 MiB free on /home/ops/.local/share/fleetdeck/recordings")));
        assertTrue(view.banner().isShowing(), "the same problem again changes nothing");
        robot.interact(() -> view.banner().recording(java.util.Optional.empty()));
        assertFalse(view.banner().isShowing(), "gone once it records again");
    }
}
