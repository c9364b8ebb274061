package dev.fleetdeck.ui.overview;

import dev.fleetdeck.ui.common.FxThread;
import dev.fleetdeck.ui.common.TypeScale;
import dev.fleetdeck.ui.render.HeadlessPlatform;
import dev.fleetdeck.ui.render.LayoutLint;
import dev.fleetdeck.ui.theme.Stylesheets;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A figure with more digits than the fleet usually has (a four-digit kW draw crossed the CI run's tile) is drawn
 * smaller, whole: never "…", never past the tile's edge, at any tile width the overview can give.
 */
class FiguresFitTheirTilesTest {
    private static final Duration FX = Duration.ofSeconds(30);

    @BeforeAll
    static void fx() throws InterruptedException {
        HeadlessPlatform.start();
    }

    @ParameterizedTest
    @ValueSource(ints = {150, 220, 320, 640})
    void aLongPowerFigureFitsThePowerTile(int width) throws Exception {
        List<String> problems = FxThread.call(() -> {
            TrendTile power = new TrendTile("tile-power", "Fleet power draw");
            power.update("123,456.7 kW", 123_456.7, Instant.parse("2026-12-02T08:00:00Z"), Duration.ofHours(1),
                    "limit 140,000 kW");
            return lintAt(power.tile(), width, "123,456.7 kW");
        }, FX);
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(ints = {150, 220, 320, 640})
    void aLongCountWithItsUnitFitsAValueTile(int width) throws Exception {
        List<String> problems = FxThread.call(() -> {
            ValueTile tile = new ValueTile("tile-total-gpus", "Total GPUs", "GPUs", new TypeScale());
            tile.show(new OverviewViewModel.Figure(1_234_567, true, "154,321 nodes", "in 12 regions", null),
                    "1,234,567");
            return lintAt(tile.tile(), width, "1,234,567");
        }, FX);
        assertEquals(List.of(), problems);
    }

    /** Lays {@code tile} out {@code width} wide and lists what the lint finds, plus the figure leaving the tile. */
    private static List<String> lintAt(Region tile, int width, String figure) {
        StackPane page = new StackPane(tile);
        Scene scene = new Scene(page, width, width * 0.8);
        scene.getStylesheets().add(Stylesheets.dark());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show(); // TilesFX sizes a tile's content only while the tile is showing
        for (int i = 0; i < 3; i++) {
            page.applyCss();
            page.layout();
        }
        List<String> out = new java.util.ArrayList<>(LayoutLint.check(page).stream().map(Object::toString).toList());
        Label shown = find(tile, figure);
        assertTrue(shown != null, "the figure is in the tile");
        Bounds b = shown.localToScene(shown.getBoundsInLocal());
        Bounds t = tile.localToScene(tile.getLayoutBounds());
        if (b.getMinX() < t.getMinX() - 1 || b.getMaxX() > t.getMaxX() + 1) {
            out.add("figure " + b + " leaves the tile " + t);
        }
        if (b.getWidth() < 0.3 * t.getWidth()) {
            out.add("figure " + b + " shrunk to less than a third of the tile " + t);
        }
        stage.close();
        return out;
    }

    private static Label find(Node n, String text) {
        if (n instanceof Label l && text.equals(l.getText())) {
            return l;
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Label found = find(c, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
