package dev.fleetdeck.ui.overview;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.ui.app.WindowTitle;
import dev.fleetdeck.ui.theme.Palette;
import dev.fleetdeck.ui.theme.Stylesheets;
import eu.hansolo.tilesfx.Tile;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The overview tiles show the numbers of a known snapshot (TestFX on JavaFX's headless platform). */
@ExtendWith(ApplicationExtension.class)
class OverviewViewTest {
    private OverviewView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new OverviewView("test fleet", ZoneOffset.UTC, new dev.fleetdeck.ui.common.TypeScale());
        Scene scene = new Scene(view.node(), 1600, 900);
        scene.getStylesheets().add(Stylesheets.dark());
        stage.setScene(scene);
        stage.show();
    }

    private static FleetSnapshot reference() {
        return new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)).assemble(42, TestFleet.NOW,
                TestFleet.reference());
    }

    @Test
    void tilesShowTheSnapshotsNumbers(FxRobot robot) {
        FleetSnapshot snap = reference();
        robot.interact(() -> view.update(snap));

        assertEquals(48, robot.lookup("#tile-total-gpus").queryAs(Tile.class).getValue());
        assertThat(robot.lookup("#tile-total-gpus").queryAs(Tile.class).getDescription()).startsWith("6 nodes · ");
        assertEquals(16, robot.lookup("#tile-free-gpus").queryAs(Tile.class).getValue());
        assertEquals("lowest price $2.00/GPU-h", robot.lookup("#tile-free-gpus").queryAs(Tile.class).getText());
        assertEquals(15, robot.lookup("#tile-sellable-gpus").queryAs(Tile.class).getValue());
        assertEquals(33.33, robot.lookup("#tile-allocation").queryAs(Tile.class).getValue(), 0.01);
        assertEquals(26.0, robot.lookup("#tile-utilization").queryAs(Tile.class).getValue(), 1e-9);
        Tile hottest = robot.lookup("#tile-hottest").queryAs(Tile.class);
        assertEquals(95, hottest.getValue());
        assertEquals("a3 · GPU 5", hottest.getDescription());
        assertEquals(Palette.HEALTH_CRIT, hottest.getValueColor());
        Tile unhealthy = robot.lookup("#tile-unhealthy").queryAs(Tile.class);
        assertEquals(9, unhealthy.getValue());
        assertEquals("9 critical", unhealthy.getDescription());
        assertEquals("8.2 kW", view.powerTrend().valueText(), "8,170 W");
        assertEquals("$0.00/h", view.idleCostText(), "the currency in front, as everywhere");

        assertEquals("H100", view.modelGrid().cellText(0, 0));
        assertEquals("24", view.modelGrid().cellText(0, 1));
        assertEquals("$2.00", view.modelGrid().cellText(0, 5));
        assertEquals("alpha", view.providerGrid().cellText(0, 0));
        assertEquals("● ok", view.providerGrid().cellText(0, 1));
        assertEquals("3 s", view.providerGrid().cellText(0, 2), "data age at snapshot time");
        assertEquals("48 GPUs · 6 nodes · updated 12:00:00 Z",
                robot.lookup("#header-updated").queryAs(Label.class).getText());
    }

    @Test
    void laterSnapshotsReplaceEarlierOnesAndTheTrendGrows(FxRobot robot) {
        FleetSnapshot first = reference();
        robot.interact(() -> view.update(first));
        FleetSnapshot second = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)).assemble(43,
                TestFleet.NOW.plusSeconds(2), TestFleet.reference().subList(0, 1));
        robot.interact(() -> view.update(second));
        assertEquals(32, robot.lookup("#tile-total-gpus").queryAs(Tile.class).getValue());
        assertEquals(2, view.powerTrend().points());
        assertTrue(robot.lookup("#tile-providers").tryQuery().isPresent());
    }

    @Test
    void aProviderInTroubleShowsItsStateAndLastError(FxRobot robot) {
        var alpha = TestFleet.reference().getFirst();
        var failing = TestFleet.failing("alpha", ProviderState.DOWN, TestFleet.NOW.minusSeconds(90),
                alpha.lastGood().orElseThrow().nodes());
        FleetSnapshot snap = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)).assemble(44,
                TestFleet.NOW, java.util.List.of(failing, TestFleet.reference().get(1)));
        robot.interact(() -> view.update(snap));
        assertEquals("✖ down", view.providerGrid().cellText(0, 1));
        assertEquals("1 min", view.providerGrid().cellText(0, 2));
        assertEquals("✖ alpha: connection refused", robot.lookup("#provider-problems").queryAs(Label.class).getText());
        assertEquals(48, robot.lookup("#tile-total-gpus").queryAs(Tile.class).getValue(), "stale data is kept");
        assertEquals(0, robot.lookup("#tile-sellable-gpus").queryAs(Tile.class).getValue(), "but not sold");
    }

    @Test
    void absentMetricsAreNotShownAsZero(FxRobot robot) {
        var silent = TestFleet.nodeWith("s1", "p", "A100", NodeState.RENTED, 1,
                java.util.List.of(TestFleet.silentGpu(0, "A100")));
        FleetSnapshot snap = new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)).assemble(45,
                TestFleet.NOW, java.util.List.of(TestFleet.ok("p", TestFleet.NOW, java.util.List.of(silent))));
        robot.interact(() -> view.update(snap));
        Tile hottest = robot.lookup("#tile-hottest").queryAs(Tile.class);
        assertEquals(false, hottest.isValueVisible());
        assertEquals("no GPU reports a temperature", hottest.getDescription());
        assertEquals(false, robot.lookup("#tile-utilization").queryAs(Tile.class).isValueVisible());
        assertEquals("—", view.powerTrend().valueText());
    }

    @Test
    void theWindowTitleSaysWhatAndWhen() {
        assertEquals("FleetDeck — test fleet — 48 GPUs — updated 12:00:00",
                WindowTitle.of("test fleet", reference(), ZoneOffset.UTC));
        assertTrue(stage.isShowing());
    }
}
