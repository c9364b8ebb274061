package dev.fleetdeck.ui.common.chart;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.support.Pixels;
import dev.fleetdeck.ui.common.FxThread;
import dev.fleetdeck.ui.render.HeadlessPlatform;
import dev.fleetdeck.ui.theme.Palette;
import dev.fleetdeck.ui.theme.Stylesheets;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The time chart reads every line at the crosshair, leaves gaps as gaps and draws limits in their colour. */
class TimeChartTest {
    private static final long MIN = 60_000;

    @BeforeAll
    static void fx() throws InterruptedException {
        HeadlessPlatform.start();
    }

    @Test
    void theCrosshairReadsEveryLineAtItsTime() throws Exception {
        String[] read = FxThread.call(() -> {
            TimeChart chart = chart();
            String end = "";
            // from the right edge (the legend) leftwards, the first place the crosshair shows: the newest samples
            for (double x = chart.getWidth(); x > 0 && end.isEmpty(); x -= 1) {
                chart.hover(x);
                end = chart.readout();
            }
            chart.hover(-50);
            return new String[] {end, chart.readout()};
        }, Duration.ofSeconds(30));
        assertTrue(read[0].matches("00:(09|10) · GPU 0 50 % · GPU 1 80 %"), "the newest samples, with units: "
                + read[0]);
        assertEquals("", read[1], "outside the plot: no crosshair");
    }

    @Test
    void aGapInTheSamplesIsNotBridged() throws Exception {
        String read = FxThread.call(() -> {
            TimeChart chart = chart();
            // GPU 1 has no samples between minutes 3 and 7: at 5 minutes only GPU 0 reads
            double plotLeft = chart.getWidth() * 0.12;
            for (double x = plotLeft; x < chart.getWidth(); x += 1) {
                chart.hover(x);
                if (chart.readout().startsWith("00:05")) {
                    return chart.readout();
                }
            }
            return "";
        }, Duration.ofSeconds(30));
        assertEquals("00:05 · GPU 0 50 %", read);
    }

    @Test
    void limitsAreDrawnInTheirHealthColour() throws Exception {
        WritableImage img = FxThread.call(() -> {
            TimeChart chart = chart();
            chart.setThresholds(List.of(new TimeChart.Threshold(90, Health.CRIT, "critical 90 %")));
            chart.applyCss();
            chart.layout();
            return ((Canvas) chart.getChildrenUnmodifiable().get(1)).snapshot(null, null);
        }, Duration.ofSeconds(30));
        assertTrue(has(img, Palette.of(Health.CRIT)), "the limit's dashed line is in the critical colour");
    }

    @Test
    void markersOutsideTheWindowAreNotDrawn() throws Exception {
        boolean[] seen = FxThread.call(() -> {
            TimeChart chart = chart();
            chart.setMarkers(List.of(new TimeChart.Marker(20 * MIN, Health.CRIT, "xid", "XID 79")));
            WritableImage outside = ((Canvas) chart.getChildrenUnmodifiable().get(1)).snapshot(null, null);
            chart.setMarkers(List.of(new TimeChart.Marker(5 * MIN, Health.CRIT, "xid", "XID 79")));
            WritableImage inside = ((Canvas) chart.getChildrenUnmodifiable().get(1)).snapshot(null, null);
            return new boolean[] {has(outside, Palette.of(Health.CRIT)), has(inside, Palette.of(Health.CRIT))};
        }, Duration.ofSeconds(30));
        assertFalse(seen[0], "an event after the window's end is not drawn");
        assertTrue(seen[1], "an event inside it is, in its severity's colour");
    }

    /** Two GPUs over ten minutes, one sample a minute; GPU 1 silent from minute 4 to 6. */
    private static TimeChart chart() {
        TimeChart chart = new TimeChart("Utilisation (%)", v -> String.format(Locale.ENGLISH, "%.0f %%", v),
                ZoneOffset.UTC);
        long[] t = new long[11];
        double[] a = new double[11];
        double[] b = new double[11];
        for (int i = 0; i <= 10; i++) {
            t[i] = i * MIN;
            a[i] = 50;
            b[i] = i >= 4 && i <= 6 ? Double.NaN : 80;
        }
        chart.setTimeRange(0, 10 * MIN, MIN);
        chart.setValueRange(0, 100, 25);
        chart.setGapMillis(3 * MIN / 2);
        chart.setLines(List.of(new TimeChart.Line("GPU 0", t, a, Color.web("#56b4e9"), 1, 2),
                new TimeChart.Line("GPU 1", t, b, Color.web("#e69f00"), 1, 2)));
        StackPane root = new StackPane(chart);
        Scene scene = new Scene(root, 600, 260);
        scene.getStylesheets().add(Stylesheets.dark());
        root.applyCss();
        root.layout();
        return chart;
    }

    private static boolean has(WritableImage img, Color want) {
        return Pixels.has(img, want, 0.06);
    }
}
