package dev.fleetdeck.ui.app;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuProcess;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.service.events.EventLog;
import dev.fleetdeck.service.events.FleetEvent;
import dev.fleetdeck.service.history.GpuMetric;
import dev.fleetdeck.service.history.History;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.support.TestFrames;
import dev.fleetdeck.support.TestSnapshots;
import dev.fleetdeck.ui.fleet.FleetColumn;
import dev.fleetdeck.ui.fleet.FleetRow;
import dev.fleetdeck.ui.heatmap.HeatmapLayout;
import dev.fleetdeck.ui.heatmap.HeatmapMetric;
import dev.fleetdeck.ui.heatmap.HeatmapPalette;
import dev.fleetdeck.ui.search.SearchHit;
import dev.fleetdeck.ui.theme.Palette;
import dev.fleetdeck.ui.theme.Stylesheets;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fleet table, heatmap, node detail, quick search and help, driven through the headless platform with the
 * glass robot: typed filters, header clicks, cell clicks, Ctrl+K and F1.
 */
@ExtendWith(ApplicationExtension.class)
class FleetViewsTest {
    private final EventLog events = new EventLog(100);
    private final History history = new History();
    private MainView view;

    @Start
    void start(Stage stage) {
        view = new MainView("test fleet", Clock.fixed(TestFleet.NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        Scene scene = new Scene(view.node(), 1000, 760);
        scene.getStylesheets().add(Stylesheets.dark());
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    private FleetSnapshot feed(FleetSnapshot snap, FxRobot robot) {
        history.accept(snap);
        robot.interact(() -> view.show(TestFrames.of(snap, events, history)));
        return snap;
    }

    private List<String> rows() {
        List<String> out = new ArrayList<>();
        for (FleetRow r : view.fleet().rows()) {
            out.add(r.isGpu() ? r.node().hostname() + "#" + r.gpu().index() : r.node().hostname());
        }
        return out;
    }

    @Test
    void typingAFilterAndClickingAHeaderChangeTheRows(FxRobot robot) {
        robot.interact(() -> view.show("fleet"));
        feed(TestSnapshots.reference(1, TestFleet.NOW), robot);
        assertEquals(List.of("a1", "a2", "a3", "a4", "b1", "b2"), rows().stream().sorted().toList());
        assertEquals("6 nodes · 48 GPUs", view.fleet().countsText());

        robot.clickOn("#fleet-filter-text").write("h200");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("b1", "b2"), rows().stream().sorted().toList());
        assertEquals("2 of 6 nodes · 16 of 48 GPUs", view.fleet().countsText());
        robot.clickOn("#fleet-filter-clear");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, rows().size());

        TableColumnHeader temp = robot.lookup(".column-header").match(n -> n instanceof TableColumnHeader h
                && h.getTableColumn() != null && "col-temperature".equals(h.getTableColumn().getId())).query();
        clickHeader(robot, temp);
        assertEquals(List.of("b2", "a2", "b1", "a1", "a3", "a4"), rows(), "coolest first, no reading last");
        clickHeader(robot, temp);
        assertEquals(List.of("a3", "a1", "b1", "a2", "b2", "a4"), rows(), "hottest first");

        robot.interact(() -> view.fleet().table().getSelectionModel().clearAndSelect(0));
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(14, rows().size(), "→ expands a3 to its 8 GPUs");
        assertEquals("a3#5", rows().get(6));
    }

    /** 300 healthy nodes at 40–69 °C, and one at 93 °C whose name sorts last. */
    private static FleetSnapshot manyNodes() {
        List<dev.fleetdeck.model.Node> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            nodes.add(TestFleet.node(String.format("n%03d", i), "alpha", "us-east-1", "H100",
                    dev.fleetdeck.model.NodeState.RENTED, 8, 50, 40 + i % 30, 500, 2.0));
        }
        nodes.add(TestFleet.node("zz-hot", "alpha", "us-east-1", "H100", dev.fleetdeck.model.NodeState.RENTED, 8, 50,
                93, 500, 2.0));
        return new dev.fleetdeck.service.assembly.FleetAssembler(dev.fleetdeck.service.health.HealthRules.defaults(),
                java.time.Duration.ofMinutes(5)).assemble(1, TestFleet.NOW, List.of(TestFleet.ok("alpha",
                TestFleet.NOW, nodes)));
    }

    private int firstVisibleIndex() {
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) view.fleet().table().lookup(".virtual-flow");
        return flow.getFirstVisibleCell().getIndex();
    }

    @Test
    void theNodeDetailListsTheXidItsHealthLineReports(FxRobot robot) {
        TestFrames frames = new TestFrames();
        List<dev.fleetdeck.model.Node> nodes = List.of(TestFleet.withXid(TestFleet.node("x1", "alpha", "us-east-1",
                "H100", dev.fleetdeck.model.NodeState.RENTED, 8, 50, 60, 500, 2.0), 4, 119));
        FleetSnapshot snap = new dev.fleetdeck.service.assembly.FleetAssembler(
                dev.fleetdeck.service.health.HealthRules.defaults(), java.time.Duration.ofMinutes(5)).assemble(1,
                TestFleet.NOW, List.of(TestFleet.ok("alpha", TestFleet.NOW, nodes)));
        robot.interact(() -> {
            view.show(frames.next(snap));
            view.openNode("alpha/x1", -1);
        });
        assertThat(robot.lookup("#detail-reasons").queryLabeled().getText()).contains("GPU 4: XID 119");
        assertThat(view.detail().eventMessages()).anySatisfy(m -> assertThat(m).startsWith("x1 GPU 4: XID 119"));
        for (GpuMetric metric : GpuMetric.values()) {
            assertThat(view.detail().markerTexts(metric)).as("the XID is marked at its time in every chart")
                    .anySatisfy(m -> assertThat(m).startsWith("xid · GPU 4: x1 GPU 4: XID 119"));
        }

        robot.interact(() -> view.openNode("alpha/x1", 4));
        List<Double> opacities = view.detail().lineOpacities(GpuMetric.TEMPERATURE_C);
        assertEquals(8, opacities.size());
        assertEquals(1.0, opacities.get(4), "the focused GPU stands out");
        assertTrue(opacities.get(0) < 0.5, "the others are dimmed: " + opacities);
        assertEquals(List.of("warn 85 °C", "critical 92 °C"), view.detail().thresholdLabels(GpuMetric.TEMPERATURE_C),
                "an H100's own limits");
    }

    @Test
    void aNewSortShowsItsFirstRowsAndTheDefaultOrderPutsTheSickFirst(FxRobot robot) {
        robot.interact(() -> view.show("fleet"));
        feed(manyNodes(), robot);
        assertEquals("zz-hot", rows().getFirst(), "default order: critical first, then by name");
        assertEquals("n000", rows().get(1));

        robot.interact(() -> view.fleet().table().scrollTo(150));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(firstVisibleIndex() > 100, "scrolled down");
        robot.interact(() -> view.fleet().sortBy(FleetColumn.TEMPERATURE, false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("zz-hot", rows().getFirst(), "hottest first");
        assertEquals(0, firstVisibleIndex(), "a new sort shows its first row, not the old top row's new place");

        // A new snapshot in the same order keeps the view where the operator scrolled to.
        robot.interact(() -> view.fleet().table().scrollTo(120));
        WaitForAsyncUtils.waitForFxEvents();
        int before = firstVisibleIndex();
        feed(manyNodes(), robot);
        assertEquals(before, firstVisibleIndex());
    }

    /**
     * A primary click on a column header. The headless platform flags every robot press as a popup trigger, which
     * the header's own handler ignores; so the press and release are fired at the header as a desktop delivers
     * them, through the same handlers.
     */
    private static void clickHeader(FxRobot robot, TableColumnHeader header) {
        robot.interact(() -> {
            for (var type : List.of(javafx.scene.input.MouseEvent.MOUSE_PRESSED,
                    javafx.scene.input.MouseEvent.MOUSE_RELEASED)) {
                javafx.event.Event.fireEvent(header, new javafx.scene.input.MouseEvent(type, 10, 10, 0, 0,
                        javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false,
                        false, false, true, null));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anUpdateKeepsTheSelectedNodeSelectedWhereverItMoves(FxRobot robot) {
        robot.interact(() -> {
            view.show("fleet");
            view.fleet().sortBy(FleetColumn.UTILIZATION, false);
        });
        feed(TestSnapshots.reference(1, TestFleet.NOW), robot);
        assertEquals("a1", rows().getFirst());
        robot.interact(() -> view.fleet().select("beta/b1"));
        assertEquals(1, view.fleet().table().getSelectionModel().getSelectedIndex());

        // b1 gets idle and a2 busy: b1 moves down the utilisation order.
        feed(TestSnapshots.reference(2, TestFleet.NOW.plusSeconds(2), n -> switch (n.hostname()) {
            case "b1" -> TestFleet.node("b1", "beta", "eu-central-1", "H200", n.state(), 8, 1, 40, 90, 3.39);
            case "a2" -> TestFleet.node("a2", "alpha", "us-east-1", "H100", n.state(), 8, 99, 80, 690, 2.29);
            default -> n;
        }), robot);
        int selected = view.fleet().table().getSelectionModel().getSelectedIndex();
        assertEquals("b1", view.fleet().rows().get(selected).node().hostname());
        assertEquals(List.of("a2", "a1", "b1"), rows().subList(0, 3));
        assertEquals(2, selected);
    }

    @Test
    void clickingAHeatmapCellOpensThatNodeAndGpu(FxRobot robot) {
        robot.interact(() -> view.show("heatmap"));
        feed(TestSnapshots.reference(1, TestFleet.NOW), robot);
        HeatmapLayout layout = view.heatmap().frame().layout();
        int a3 = layout.indexOf("alpha", "a3");
        int[] cell = layout.cellOrigin(a3, 5);
        double half = layout.cell() / 2.0;
        Point2D screen = view.heatmap().canvas().localToScreen(cell[0] + half, cell[1] + half);
        robot.moveTo(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.heatmap().hoverLabel().getText()).startsWith("a3 · GPU 5\nUtilisation: 0 %")
                .contains("H100 · us-east-1 · alpha · available").contains("data age: 3 s");
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("detail", view.currentView());
        assertEquals("alpha/a3", view.detail().nodeKey());
        assertThat(view.detail().factsText()).contains("node a3").contains("focus GPU 5");
        robot.type(KeyCode.ESCAPE);
        assertEquals("heatmap", view.currentView(), "Esc goes back to where the node was opened");
    }

    @Test
    void theHeatmapPaintsKnownColoursAtKnownCells(FxRobot robot) {
        robot.interact(() -> {
            view.show("heatmap");
            view.heatmap().setMetric(HeatmapMetric.TEMPERATURE);
        });
        FleetSnapshot snap = feed(TestSnapshots.reference(1, TestFleet.NOW), robot);
        HeatmapLayout layout = view.heatmap().frame().layout();
        HeatmapPalette viridis = HeatmapPalette.VIRIDIS;
        assertEquals(0xfffde725, pixel(robot, layout, "a3", 5), "95 °C is the top of the 20–95 °C scale");
        assertEquals(viridis.color(70, 20, 95), pixel(robot, layout, "a1", 0));
        assertEquals(viridis.color(35, 20, 95), pixel(robot, layout, "b2", 7));
        assertEquals(HeatmapPalette.ABSENT, pixel(robot, layout, "a4", 0), "a down node reports no temperature");

        robot.interact(() -> view.heatmap().setMetric(HeatmapMetric.HEALTH));
        layout = view.heatmap().frame().layout();
        Node a3 = snap.nodes().stream().filter(n -> n.hostname().equals("a3")).findFirst().orElseThrow();
        Health hot = a3.gpus().get(5).health();
        assertTrue(hot == Health.WARN || hot == Health.CRIT, "95 °C is a finding: " + hot);
        assertEquals(argb(Palette.of(hot)), pixel(robot, layout, "a3", 5), "the same health colour as everywhere");
        assertEquals(argb(Palette.HEALTH_OK), pixel(robot, layout, "a1", 3));
    }

    /** The colour drawn on screen (a snapshot of the heatmap's canvas) at the middle of a GPU's cell. */
    private int pixel(FxRobot robot, HeatmapLayout layout, String host, int gpu) {
        int node = layout.indexOf(host.startsWith("a") ? "alpha" : "beta", host);
        int[] at = layout.cellOrigin(node, gpu);
        int[] out = new int[1];
        robot.interact(() -> {
            SnapshotParameters params = new SnapshotParameters();
            WritableImage shot = view.heatmap().canvas().snapshot(params, null);
            out[0] = shot.getPixelReader().getArgb(at[0] + layout.cell() / 2, at[1] + layout.cell() / 2);
        });
        return out[0];
    }

    private static int argb(javafx.scene.paint.Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    @Test
    void ctrlKFindsANodeByAGpuUuidFragment(FxRobot robot) {
        feed(TestSnapshots.reference(1, TestFleet.NOW), robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.search().isShowing());
        robot.write("b1000000-0000-4000-8000-000000000004");
        WaitForAsyncUtils.waitForFxEvents();
        SearchHit first = view.search().hits().getFirst();
        assertEquals(SearchHit.Kind.GPU, first.kind());
        assertEquals("beta/b1", first.nodeKey());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.search().isShowing());
        assertEquals("detail", view.currentView());
        assertEquals("beta/b1", view.detail().nodeKey());
        assertThat(view.detail().factsText()).contains("focus GPU 4");

        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        robot.interact(() -> view.search().field().clear());
        robot.write("tenant-of-b");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("fleet", view.currentView(), "a tenant hit filters the fleet table");
        assertEquals(List.of("b1"), rows());
    }

    @Test
    void f1AndQuestionMarkShowTheShortcuts(FxRobot robot) {
        robot.type(KeyCode.F1);
        assertTrue(view.helpShowing());
        robot.type(KeyCode.ESCAPE);
        assertFalse(view.helpShowing());
        robot.write("?");
        assertTrue(view.helpShowing());
        robot.type(KeyCode.F1);
        assertFalse(view.helpShowing());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        assertEquals("heatmap", view.currentView());
    }

    @Test
    void theNodeDetailChartsHistoryAndListsEventsAndProcesses(FxRobot robot) {
        robot.interact(() -> view.show("detail"));
        assertTrue(view.detail().showsEmptyState(), "no node chosen: an empty state, not empty charts");
        assertTrue(robot.lookup("#detail-empty").queryLabeled().getText().startsWith("No node chosen."));
        for (int i = 0; i < 6; i++) {
            int step = i;
            feed(TestSnapshots.reference(i + 1, TestFleet.NOW.plusSeconds(5L * i), n -> !n.hostname().equals("a1") ? n
                    : n.withHealth(withProcess(n.gpus(), step), n.health(), n.healthReasons())), robot);
        }
        events.add(new FleetEvent(TestFleet.NOW, FleetEvent.Kind.XID, Health.CRIT, "alpha", "a1", 2,
                "a1 GPU 2: XID 79 (GPU has fallen off the bus)"));
        events.add(new FleetEvent(TestFleet.NOW, FleetEvent.Kind.XID, Health.CRIT, "alpha", "a2", 1, "not a1"));
        robot.interact(() -> view.openNode("alpha/a1", -1));
        var detail = view.detail();
        assertFalse(detail.showsEmptyState());
        assertEquals(6 * 8, detailPoints(robot, GpuMetric.UTILIZATION_PCT), "8 GPUs × 6 samples at 5 s");
        assertEquals(6 * 8, detailPoints(robot, GpuMetric.POWER_W));
        assertThat(detail.factsText()).contains("node a1").contains("tenant tenant-of-a1").contains("driver 580.105.08");
        feed(TestSnapshots.reference(7, TestFleet.NOW.plusSeconds(30), n -> !n.hostname()
                .equals("a1") ? n : n.withHealth(withProcess(n.gpus(), 0), n.health(), n.healthReasons())), robot);
        assertEquals(List.of("a1 GPU 2: XID 79 (GPU has fallen off the bus)"), detail.eventMessages());
        assertEquals(List.of("0 4242 python train.py 30,000 MiB"), detail.processTexts());
        robot.clickOn("#detail-window-24h");
        assertEquals(8, detailPoints(robot, GpuMetric.UTILIZATION_PCT), "one 10-minute mean per GPU");
    }

    private int detailPoints(FxRobot robot, GpuMetric metric) {
        int[] n = new int[1];
        robot.interact(() -> n[0] = view.detail().chartPoints(metric));
        return n[0];
    }

    private static List<Gpu> withProcess(List<Gpu> gpus, int step) {
        List<Gpu> out = new ArrayList<>(gpus);
        Gpu g = out.getFirst();
        out.set(0, new Gpu(g.index(), g.uuid(), g.model(), g.utilizationPct() + step, g.memoryUsedMiB(),
                g.memoryTotalMiB(), g.temperatureC(), g.memoryTemperatureC(), g.powerW(), g.powerLimitW(),
                g.smClockMHz(), g.eccCorrected(), g.eccUncorrected(), g.lastXid(), g.throttleReasons(), g.migProfile(),
                g.health(), g.healthReasons(), List.of(new GpuProcess(4242, "python train.py", 30_000))));
        return out;
    }
}
