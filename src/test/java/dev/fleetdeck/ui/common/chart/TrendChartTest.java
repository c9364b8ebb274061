package dev.fleetdeck.ui.common.chart;

import dev.fleetdeck.ui.common.FxThread;
import dev.fleetdeck.ui.render.HeadlessPlatform;
import dev.fleetdeck.ui.theme.Stylesheets;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart control draws its line in the theme's colour, with axes and a crosshair, and survives gaps and hover. */
class TrendChartTest {
    @Test
    void theLineTakesTheThemeColourAndHoverDrawsACrosshair() throws Exception {
        HeadlessPlatform.start();
        int[] coloured = FxThread.call(() -> {
            TrendChart chart = new TrendChart(TrendChart.Scale.FROM_ZERO, 100, false, 10);
            chart.showAxes(v -> String.format(java.util.Locale.ENGLISH, "%.0f %%", v), ZoneOffset.UTC);
            long[] t = new long[10];
            double[] v = new double[10];
            for (int i = 0; i < 10; i++) {
                t[i] = 60_000L * i;
                v[i] = i == 4 ? Double.NaN : 50;
            }
            chart.setSeries(t, v, null);
            StackPane root = new StackPane(chart);
            Scene scene = new Scene(root, 300, 120);
            scene.getStylesheets().add(Stylesheets.dark());
            root.applyCss();
            root.layout();
            Canvas canvas = (Canvas) chart.getChildrenUnmodifiable().getFirst();
            WritableImage before = chart.snapshot(new SnapshotParameters(), null);
            Event.fireEvent(canvas, new MouseEvent(MouseEvent.MOUSE_MOVED, 200, 60, 0, 0, null, 0, false, false,
                    false, false, false, false, false, false, false, false, null));
            WritableImage after = chart.snapshot(new SnapshotParameters(), null);
            Color accent = Color.web("#58a6ff");
            int line = 0;
            int changed = 0;
            for (int y = 0; y < 120; y++) {
                for (int x = 0; x < 300; x++) {
                    Color c = before.getPixelReader().getColor(x, y);
                    if (Math.abs(c.getRed() - accent.getRed()) < 0.08 && Math.abs(c.getBlue() - accent.getBlue()) < 0.08
                            && Math.abs(c.getGreen() - accent.getGreen()) < 0.08) {
                        line++;
                    }
                    if (!c.equals(after.getPixelReader().getColor(x, y))) {
                        changed++;
                    }
                }
            }
            return new int[] {line, changed};
        }, Duration.ofSeconds(30));
        assertTrue(coloured[0] > 100, "the line is drawn in the dark theme's accent: " + coloured[0] + " px");
        assertTrue(coloured[1] > 50, "hovering draws the crosshair and its label: " + coloured[1] + " px changed");
    }
}
