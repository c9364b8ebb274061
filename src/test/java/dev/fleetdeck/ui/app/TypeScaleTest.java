package dev.fleetdeck.ui.app;

import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.support.TestFrames;
import dev.fleetdeck.support.TestSnapshots;
import dev.fleetdeck.ui.common.FxThread;
import dev.fleetdeck.ui.common.TypeScale;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.render.HeadlessPlatform;
import dev.fleetdeck.ui.render.ViewRenderer;
import dev.fleetdeck.ui.theme.Theme;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One type scale for the window: every text grows with the window past 1920 × 1080 and with the user's zoom, and a
 * text's size does not depend on which views were visited before.
 */
class TypeScaleTest {
    private static final Duration FX = Duration.ofSeconds(60);
    private static FleetFrame frame;

    @BeforeAll
    static void fx() throws InterruptedException {
        HeadlessPlatform.start();
        frame = new TestFrames().next(TestSnapshots.reference(1, TestFleet.NOW));
    }

    @Test
    void theWindowFactorStartsAt1080pAndFollowsTheSmallerSide() {
        assertEquals(1, TypeScale.windowFactor(1366, 768), 1e-9);
        assertEquals(1, TypeScale.windowFactor(1920, 1080), 1e-9);
        assertEquals(2, TypeScale.windowFactor(3840, 2160), 1e-9);
        assertEquals(1.5, TypeScale.windowFactor(3840, 1620), 1e-9, "an ultra-wide screen: by its height");
        assertEquals(1, TypeScale.windowFactor(0, 0), 1e-9, "not laid out yet");
        assertEquals(1.2, TypeScale.clampZoom(1.2000000001), 1e-12);
        assertEquals(TypeScale.MAX_ZOOM, TypeScale.clampZoom(7), 1e-12);
        assertEquals(TypeScale.MIN_ZOOM, TypeScale.clampZoom(0.1), 1e-12);
        assertEquals(1, TypeScale.clampZoom(Double.NaN), 1e-12);
    }

    @Test
    void everyTextOfTheOverviewIsTwiceAsLargeOnAWallScreen() throws Exception {
        Map<String, Double> hd = sizes(ViewId.OVERVIEW, 1920, 1080, 0);
        Map<String, Double> uhd = sizes(ViewId.OVERVIEW, 3840, 2160, 0);
        for (String text : new String[] {"FleetDeck", "Overview", "Total GPUs", "of 48 GPUs", "alpha"}) {
            Double a = find(hd, text);
            Double b = find(uhd, text);
            assertNotNull(a, text + " at 1920×1080 in " + hd.keySet());
            assertTrue(b / a > 1.8 && b / a < 2.2, text + ": " + a + " px at 1920×1080, " + b + " px at 3840×2160");
        }
    }

    @Test
    void ctrlPlusZoomsEveryTextAndTheTablesWithIt() throws Exception {
        Map<String, Double> normal = sizes(ViewId.OVERVIEW, 1920, 1080, 0);
        Map<String, Double> zoomed = sizes(ViewId.OVERVIEW, 1920, 1080, 3);
        for (String text : new String[] {"FleetDeck", "Overview", "Total GPUs", "Search"}) {
            double ratio = find(zoomed, text) / find(normal, text);
            assertEquals(1.3, ratio, 0.06, text + " after three Ctrl + steps");
        }
        // A tile's body fits its tile: it grows with the zoom only as far as the tile's width allows.
        double body = find(zoomed, "of 48 GPUs") / find(normal, "of 48 GPUs");
        assertTrue(body > 1.05 && body <= 1.31, "a tile's caption after three Ctrl + steps: ×" + body);
        double[] widths = FxThread.call(() -> {
            ViewRenderer r = new ViewRenderer("fleet", "test", 1920, 1080, null, 1, null, Theme.DARK);
            try {
                r.show(frame);
                r.lint();
                TableView<?> t = (TableView<?>) r.main().node().lookup("#fleet-table");
                double before = t.getColumns().getFirst().getPrefWidth();
                double rowBefore = t.getFixedCellSize();
                r.main().typeScale().setZoom(1.5);
                r.lint();
                return new double[] {before, t.getColumns().getFirst().getPrefWidth(), rowBefore, t.getFixedCellSize()};
            } finally {
                r.close();
            }
        }, FX);
        assertEquals(1.5, widths[1] / widths[0], 0.02, "a column is as much wider as its type is larger");
        assertEquals(1.5, widths[3] / widths[2], 0.05, "and its rows as much taller");
    }

    @Test
    void theOverviewsTextsKeepTheirSizeAfterAnotherViewWasShown() throws Exception {
        for (int[] size : new int[][] {{1366, 768}, {3840, 2160}}) {
            Map<String, Double>[] seen = FxThread.call(() -> {
                ViewRenderer r = new ViewRenderer("overview", "test", size[0], size[1], null, 1, null, Theme.DARK);
                try {
                    r.show(frame);
                    r.lint();
                    Map<String, Double> before = texts(r.main().node());
                    for (ViewId other : new ViewId[] {ViewId.FLEET, ViewId.HEATMAP, ViewId.ALERTS}) {
                        r.main().show(other);
                        r.lint();
                    }
                    r.main().show(ViewId.OVERVIEW);
                    r.lint();
                    @SuppressWarnings("unchecked")
                    Map<String, Double>[] both = new Map[] {before, texts(r.main().node())};
                    return both;
                } finally {
                    r.close();
                }
            }, FX);
            assertEquals(seen[0], seen[1], "text sizes at " + size[0] + "×" + size[1] + " before and after a visit");
        }
    }

    @Test
    void theZoomKeysAreOnTheScene() throws Exception {
        double[] zoom = FxThread.call(() -> {
            MainView view = new MainView("test", java.time.Clock.systemUTC(), java.time.ZoneOffset.UTC);
            javafx.scene.Scene scene = new javafx.scene.Scene(view.node(), 800, 600);
            view.installShortcuts(scene);
            var keys = scene.getAccelerators();
            keys.get(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN)).run();
            keys.get(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN)).run();
            double in = view.typeScale().zoom();
            keys.get(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN)).run();
            double out = view.typeScale().zoom();
            keys.get(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN)).run();
            return new double[] {in, out, view.typeScale().zoom()};
        }, FX);
        assertEquals(1.2, zoom[0], 1e-9);
        assertEquals(1.1, zoom[1], 1e-9);
        assertEquals(1.0, zoom[2], 1e-9);
    }

    /** The font size of each visible text of a view, by its text (the largest where a text repeats). */
    private static Map<String, Double> sizes(ViewId view, int w, int h, int zoomSteps) throws Exception {
        return FxThread.call(() -> {
            ViewRenderer r = new ViewRenderer(view.key(), "test", w, h, null, 1, null, Theme.DARK);
            try {
                for (int i = 0; i < zoomSteps; i++) {
                    r.main().typeScale().zoomIn();
                }
                r.show(frame);
                r.lint();
                return texts(r.main().node());
            } finally {
                r.close();
            }
        }, FX);
    }

    private static Double find(Map<String, Double> sizes, String text) {
        return sizes.entrySet().stream().filter(e -> e.getKey().contains(text)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static Map<String, Double> texts(Parent root) {
        Map<String, Double> out = new TreeMap<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node n, Map<String, Double> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Text t && t.getText() != null && !t.getText().isBlank()) {
            out.merge(t.getText(), Math.round(t.getFont().getSize() * 10) / 10.0, Math::max);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> walk(c, out));
        }
    }
}
