package dev.fleetdeck.ui.theme;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.support.TestSnapshots;
import dev.fleetdeck.ui.app.MainView;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Themes: the Java colours equal each stylesheet's, and the switch recolours the window live. */
@ExtendWith(ApplicationExtension.class)
class ThemeTest {
    private MainView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new MainView("test fleet", Clock.fixed(TestFleet.NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        scene = new Scene(view.node(), 1000, 760);
        scene.getStylesheets().add(Stylesheets.dark());
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void backToDark(FxRobot robot) {
        robot.interact(() -> Palette.use(Theme.DARK));
    }

    private static Map<String, Color> colours(String file) throws Exception {
        Map<String, Color> out = new HashMap<>();
        Matcher m = Pattern.compile("(-fd-[a-z-]+):\\s*(#[0-9a-fA-F]{6})").matcher(Files.readString(Path.of("styles", file)));
        while (m.find()) {
            out.put(m.group(1), Color.web(m.group(2)));
        }
        return out;
    }

    @Test
    void everyThemesJavaColoursAreItsStylesheets() throws Exception {
        Map<Theme, String> files = Map.of(Theme.DARK, "fleetdeck-dark.css", Theme.LIGHT, "fleetdeck-light.css",
                Theme.HIGH_CONTRAST, "fleetdeck-high-contrast.css");
        for (var e : files.entrySet()) {
            Map<String, Color> css = colours(e.getValue());
            Theme t = e.getKey();
            assertEquals(css.get("-fd-background"), t.background(), t + " background");
            assertEquals(css.get("-fd-surface"), t.surface(), t + " surface");
            assertEquals(css.get("-fd-border"), t.border(), t + " border");
            assertEquals(css.get("-fd-text"), t.text(), t + " text");
            assertEquals(css.get("-fd-text-muted"), t.textMuted(), t + " muted");
            assertEquals(css.get("-fd-accent"), t.accent(), t + " accent");
            for (Health h : Health.values()) {
                assertEquals(css.get("-fd-health-" + h.label()), t.of(h), t + " " + h);
            }
        }
        assertEquals(Theme.LIGHT, Theme.of("light"));
        assertEquals(Theme.DARK, Theme.of("purple"));
    }

    @Test
    void theSwitchRecoloursStylesheetsAndTilesLive(FxRobot robot) {
        robot.interact(() -> view.update(TestSnapshots.reference(1, TestFleet.NOW)));
        robot.clickOn("#nav-theme");
        assertEquals(Theme.LIGHT, Palette.theme());
        assertThat(scene.getStylesheets()).hasSize(2);
        assertThat(scene.getStylesheets().get(1)).endsWith("fleetdeck-light.css");
        assertEquals(Theme.LIGHT.surface(), view.overview().tile("tile-total-gpus").getBackgroundColor());
        assertEquals(Theme.LIGHT.of(Health.OK), view.overview().tile("tile-sellable-gpus").getValueColor(),
                "value colours follow the theme's health colours");
        robot.clickOn("#nav-theme");
        assertEquals(Theme.HIGH_CONTRAST, Palette.theme());
        assertEquals(Color.BLACK, view.overview().tile("tile-total-gpus").getBackgroundColor());
        assertEquals(Color.WHITE, view.overview().tile("tile-total-gpus").getBorderColor(),
                "black tiles on a black page keep an edge, so the grid does not dissolve");
        assertTrue(view.overview().tile("tile-total-gpus").getBorderWidth() >= 1);
        robot.clickOn("#nav-theme");
        assertEquals(Theme.DARK, Palette.theme());
        assertThat(scene.getStylesheets()).hasSize(1);
        assertEquals(Palette.SURFACE, view.overview().tile("tile-total-gpus").getBackgroundColor());
        assertEquals(0, view.overview().tile("tile-total-gpus").getBorderWidth(), "dark tiles stand out by colour");
    }
}
