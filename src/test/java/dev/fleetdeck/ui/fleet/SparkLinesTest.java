package dev.fleetdeck.ui.fleet;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.history.Series;
import dev.fleetdeck.support.Pixels;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.support.TestFrames;
import dev.fleetdeck.support.TestSnapshots;
import dev.fleetdeck.ui.common.FxThread;
import dev.fleetdeck.ui.render.HeadlessPlatform;
import dev.fleetdeck.ui.render.ViewRenderer;
import dev.fleetdeck.ui.theme.Palette;
import dev.fleetdeck.ui.theme.Theme;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-GPU sparklines in the fleet table: bucketed from history, one canvas per row, health colours. */
class SparkLinesTest {
    private static final Instant NOW = TestFleet.NOW;

    @BeforeAll
    static void fx() throws InterruptedException {
        HeadlessPlatform.start();
    }

    @Test
    void samplesGoIntoTheirBucketsAndEmptyBucketsStayGaps() {
        long end = NOW.toEpochMilli();
        long bucket = Sparks.WINDOW.toMillis() / Sparks.POINTS;
        long start = end - Sparks.WINDOW.toMillis();
        Series s = new Series("x", new long[] {start - 1, start + 1, start + bucket - 1, end - 1, end + 5000},
                new double[] {99, 10, 30, 70, 99}, new double[5], new double[5]);
        float[] b = Sparks.buckets(s, NOW);
        assertEquals(Sparks.POINTS, b.length);
        assertEquals(20, b[0], 1e-6, "the mean of the two samples in the first bucket; the older one is outside");
        assertEquals(70, b[Sparks.POINTS - 1], 1e-6, "the newest sample; one from the future is ignored");
        for (int i = 1; i < Sparks.POINTS - 1; i++) {
            assertTrue(Float.isNaN(b[i]), "no sample: a gap, not zero (bucket " + i + ")");
        }
    }

    @Test
    void eachNodeRowDrawsItsGpusAndAHotGpuInTheCriticalColour() throws Exception {
        TestFrames frames = new TestFrames();
        FleetFrame last = null;
        for (int i = 0; i < 30; i++) {
            last = frames.next(TestSnapshots.reference(i + 1, NOW.minusSeconds(290 - i * 10L)));
        }
        FleetFrame frame = last;
        Object[] seen = FxThread.call(() -> {
            ViewRenderer r = new ViewRenderer("fleet", "test", 1920, 1080, null, 1, null, Theme.DARK);
            try {
                r.show(frame);
                r.lint();
                FleetTableView fleet = r.main().fleet();
                Sparks sparks = fleet.sparkLines().sparks().get();
                TableView<FleetTableView.Slot> table = fleet.table();
                // the reference fleet's a3 has GPU 5 at 95 °C (critical): its row's canvas has the critical colour
                SparkCell cell = (SparkCell) table.lookupAll(".spark-cell").stream()
                        .filter(n -> n instanceof SparkCell c && c.getItem() != null
                                && c.getItem().node().hostname().equals("a3"))
                        .findFirst().orElse(null);
                WritableImage img = cell == null ? null : ((Canvas) cell.getGraphic()).snapshot(null, null);
                SparkCell busy = (SparkCell) table.lookupAll(".spark-cell").stream()
                        .filter(n -> n instanceof SparkCell c && c.getItem() != null && c.getItem().util() > 30)
                        .findFirst().orElse(null);
                WritableImage busyImg = busy == null ? null : ((Canvas) busy.getGraphic()).snapshot(null, null);
                return new Object[] {sparks, img, busyImg};
            } finally {
                r.close();
            }
        }, Duration.ofSeconds(60));
        Sparks sparks = (Sparks) seen[0];
        String a3 = FleetRow.nodeKey("alpha", "a3");
        Sparks.Row row = sparks.rows().get(a3);
        assertNotNull(row, "the rows on screen are read: " + sparks.rows().keySet());
        assertEquals(8, row.gpus(), "one small chart per GPU of the node");
        float[] hot = row.temp()[5];
        assertEquals(95, hot[Sparks.POINTS - 1], 0.5, "GPU 5's temperature, newest bucket");
        assertTrue(Float.isFinite(hot[1]), "five minutes of polls every 10 s fill the window");
        WritableImage img = (WritableImage) seen[1];
        assertNotNull(img, "a3's row has a sparkline canvas on screen");
        assertTrue(has(img, Palette.of(Health.CRIT)), "the hot GPU's line is in the critical colour");
        WritableImage busy = (WritableImage) seen[2];
        assertNotNull(busy, "a busy node is on screen");
        assertTrue(has(busy, SparkCell.areaColor(Palette.theme())),
                "a busy node's utilisation is drawn in the accent colour");
    }

    private static boolean has(WritableImage img, Color want) {
        return Pixels.has(img, want, 0.08);
    }
}
