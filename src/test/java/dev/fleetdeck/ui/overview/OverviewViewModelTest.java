package dev.fleetdeck.ui.overview;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.support.TestFrames;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the overview's tiles show, computed without JavaFX. */
class OverviewViewModelTest {
    private static FleetSnapshot fleet(String model, double hottestC) {
        List<Node> nodes = List.of(
                TestFleet.node("n1", "lab", "us-east-1", model, NodeState.RENTED, 8, 50, 60, 400, 2.0),
                TestFleet.node("n2", "lab", "us-east-1", model, NodeState.AVAILABLE, 8, 50, hottestC, 400, 2.0));
        return new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)).assemble(1, TestFleet.NOW,
                List.of(TestFleet.ok("lab", TestFleet.NOW, nodes)));
    }

    @Test
    void theHottestGpuIsColouredByItsOwnModelsLimits() {
        // 91 °C: critical for an A100 (limit 90 °C), only a warning for an H100 (85 / 92 °C), as health says too.
        OverviewViewModel a100 = OverviewViewModel.of(FleetFrame.of(fleet("A100", 91)), ZoneOffset.UTC);
        OverviewViewModel h100 = OverviewViewModel.of(FleetFrame.of(fleet("H100", 91)), ZoneOffset.UTC);
        assertEquals(Health.CRIT, a100.hottest().health());
        assertEquals(Health.WARN, h100.hottest().health());
        assertEquals(91, a100.hottest().value());
        assertEquals("n2 · GPU 0", a100.hottest().description());
        assertEquals(Health.OK, OverviewViewModel.of(FleetFrame.of(fleet("H100", 70)), ZoneOffset.UTC).hottest()
                .health());
    }

    @Test
    void countsTextsAndTablesComeFromTheFrame() {
        OverviewViewModel vm = OverviewViewModel.of(FleetFrame.of(fleet("H100", 60)), ZoneOffset.UTC);
        assertEquals("16 GPUs · 2 nodes · updated 12:00:00 Z", vm.updated());
        assertEquals(16, vm.totalGpus().value());
        assertEquals("2 nodes · 0 GPUs out of service", vm.totalGpus().description());
        assertEquals("8 rented · 0 reserved", vm.totalGpus().text());
        assertEquals(8, vm.freeGpus().value());
        assertNull(vm.freeGpus().health(), "a plain count takes the theme's text colour");
        assertEquals(Health.OK, vm.sellableGpus().health());
        assertEquals(List.of("H100", "16", "8", "8", "8", "$2.00", "", ""), vm.byModel().getFirst().cells());
        assertEquals("● ok", vm.providers().getFirst().cells().get(1));
        assertEquals("", vm.providerProblems());
        assertEquals("nothing firing", vm.alerts().text());
        assertEquals(Health.OK, vm.alerts().health());
        assertEquals(0, vm.power().past().size(), "a frame without a past has no trend yet");
    }

    @Test
    void alertsIdleAndThePowerTrendComeFromTheFramesEnginesAndHistory() {
        TestFrames frames = new TestFrames();
        FleetFrame frame = null;
        for (int i = 0; i < 3; i++) {
            FleetSnapshot s = fleet("H100", 60);
            frame = frames.next(new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)).assemble(i + 1,
                    TestFleet.NOW.plusSeconds(60L * i), List.of(TestFleet.ok("lab", TestFleet.NOW.plusSeconds(60L * i),
                            s.nodes()))));
        }
        OverviewViewModel vm = OverviewViewModel.of(frame, ZoneOffset.UTC);
        assertTrue(vm.power().past().size() >= 2, "minute means from the frame's history: " + vm.power().past().size());
        assertEquals(frame.alerts().firing().size(), (int) vm.alerts().value());
        assertEquals(frame.idle().idleGpus(), (long) vm.idleGpus().value());
        assertFalse(vm.idleCost().description().isEmpty());
    }

    @Test
    void comparedWithAnotherMomentEveryTileSaysHowItDiffersWithItsUnit() {
        OverviewViewModel now = OverviewViewModel.of(FleetFrame.of(fleet("H100", 91)), ZoneOffset.UTC);
        OverviewViewModel then = OverviewViewModel.of(FleetFrame.of(fleet("H100", 71)), ZoneOffset.UTC);
        OverviewViewModel c = Comparison.apply(now, then, "vs 1 d before");
        assertEquals("+20 °C vs 1 d before", c.hottest().text());
        assertEquals("±0 GPUs vs 1 d before", c.totalGpus().text());
        assertEquals(now.hottest().value(), c.hottest().value(), "the figure itself is today's");
        assertEquals(now.hottest().health(), c.hottest().health());
        assertEquals("−20 °C vs 1 h before", Comparison.apply(then, now, "vs 1 h before").hottest().text());
        assertEquals("+1.5 pp vs 1 d before", Comparison.difference(51.5, 50, "pp", "vs 1 d before"));
        assertEquals("−$12.50/h vs 1 d before", Comparison.difference(10, 22.5, "$/h", "vs 1 d before"));
        assertEquals("no figure to compare vs 1 d before", Comparison.difference(Double.NaN, 3, "GPUs",
                "vs 1 d before"));
        assertTrue(c.power().context().endsWith("kW vs 1 d before"), c.power().context());
    }
}
