package dev.fleetdeck.ui.render;

import dev.fleetdeck.app.Wiring;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.FleetMonitor;
import dev.fleetdeck.ui.common.FxThread;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.theme.Theme;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout lint passes for every view at 1366×768, 1920×1080 and 3840×2160 in all three themes, on the built-in
 * fleet and on the demo configurations; and it does find what it is for.
 */
class LayoutLintTest {
    private static final Duration FX = Duration.ofSeconds(60);
    private static final List<int[]> SIZES = List.of(new int[] {1366, 768}, new int[] {1920, 1080},
            new int[] {3840, 2160});

    @BeforeAll
    static void fx() throws InterruptedException {
        HeadlessPlatform.start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "docs/images/alerts-demo.yaml", "docs/images/market-demo.yaml"})
    void everyViewAtEverySizeInEveryThemeLaysOutCleanly(String config) throws Exception {
        FleetDeckConfig loaded = Wiring.loadConfig(config.isEmpty() ? Optional.empty() : Optional.of(config),
                java.nio.file.Path.of("/nonexistent/fleetdeck.yaml"));
        List<String> findings = new ArrayList<>();
        try (FleetMonitor monitor = Wiring.monitor(loaded)) {
            monitor.start();
            FleetFrame frame = monitor.await(FleetMonitor.everyProviderPolled(), Duration.ofSeconds(30));
            for (Theme theme : Theme.values()) {
                for (int[] size : SIZES) {
                    for (ViewId view : ViewId.values()) {
                        List<LayoutLint.Finding> found = FxThread.call(() -> {
                            ViewRenderer r = new ViewRenderer(view.key(), Wiring.sourceLabel(loaded), size[0], size[1],
                                    loaded.showroom(), 1, null, theme);
                            try {
                                r.show(frame);
                                r.show(frame);
                                return r.lint();
                            } finally {
                                r.close();
                                if (r.main() != null) {
                                    r.main().applyTheme(Theme.DARK);
                                }
                            }
                        }, FX);
                        String where = (config.isEmpty() ? "built-in" : config) + " " + view.key() + " " + size[0]
                                + "x" + size[1] + " " + theme.key() + ": ";
                        found.forEach(f -> findings.add(where + f));
                    }
                }
            }
        }
        assertEquals(List.of(), findings, String.join("\n", findings));
    }

    @Test
    void aSqueezedLabelIsFound() throws Exception {
        List<LayoutLint.Finding> found = FxThread.call(() -> {
            Label label = new Label("Idle rented GPUs by node, most expensive first");
            HBox box = new HBox(label);
            javafx.scene.Scene scene = new javafx.scene.Scene(box, 120, 40);
            box.applyCss();
            box.layout();
            return LayoutLint.check(box);
        }, FX);
        assertEquals(1, found.size(), found.toString());
        assertEquals(LayoutLint.Kind.TRUNCATED, found.getFirst().kind());
        assertTrue(found.getFirst().text().startsWith("Idle rented GPUs"));
    }

    @Test
    void overlappingControlsAreFound() throws Exception {
        List<LayoutLint.Finding> found = FxThread.call(() -> {
            Label a = new Label("first");
            Label b = new Label("second");
            a.setMinWidth(200);
            b.setMinWidth(200);
            javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
            javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
            half.setPercentWidth(50);
            grid.getColumnConstraints().addAll(half, half);
            grid.add(a, 0, 0);
            grid.add(b, 1, 0);
            javafx.scene.Scene scene = new javafx.scene.Scene(grid, 200, 40);
            grid.applyCss();
            grid.layout();
            return LayoutLint.check(grid);
        }, FX);
        assertTrue(found.stream().anyMatch(f -> f.kind() == LayoutLint.Kind.OVERLAP), found.toString());
    }

    @Test
    void aFigureKeptAtFullWidthRunningPastItsTileIsFound() throws Exception {
        List<LayoutLint.Finding> found = FxThread.call(() -> {
            Label figure = new Label("1,000.4 kW");
            figure.setStyle("-fx-font-size: 40px;");
            figure.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            javafx.scene.layout.VBox tile = new javafx.scene.layout.VBox(figure);
            javafx.scene.layout.Pane page = new javafx.scene.layout.Pane(tile);
            tile.resize(120, 80);
            new javafx.scene.Scene(page, 400, 100);
            page.applyCss();
            tile.layout();
            return LayoutLint.check(page);
        }, FX);
        assertTrue(found.stream().anyMatch(f -> f.kind() == LayoutLint.Kind.OVERFLOW && f.text().equals("1,000.4 kW")),
                found.toString());
    }

    @Test
    void aNarrowHeaderCutsOnlyItsSubtitleWhichItsTooltipShowsWhole() throws Exception {
        String path = "Replay of /tmp/fleetdeck-compare1069824016296248840/a/rather/long/path · nothing is polled";
        List<Object> result = FxThread.call(() -> {
            Label status = new Label("96 GPUs · 12 nodes · updated 04:10:00 UTC");
            HBox bar = dev.fleetdeck.ui.common.HeaderBar.of(path, status);
            javafx.scene.control.Button range = new javafx.scene.control.Button("5 min");
            bar.getChildren().add(bar.getChildren().size() - 1, range);
            new javafx.scene.Scene(bar, 700, 40);
            bar.applyCss();
            bar.layout();
            Label title = (Label) bar.getChildren().getFirst();
            Label subtitle = (Label) bar.getChildren().get(1);
            return List.of(LayoutLint.check(bar), title.getWidth() >= title.prefWidth(-1) - 0.5,
                    range.getWidth() >= range.prefWidth(-1) - 0.5, subtitle.getTooltip().getText());
        }, FX);
        assertEquals(List.of(), result.get(0), "nothing the lint minds");
        assertEquals(true, result.get(1), "the name keeps its width");
        assertEquals(true, result.get(2), "a view's control in the header keeps its width");
        assertEquals(path, result.get(3), "the whole subtitle is one hover away");
    }
}
