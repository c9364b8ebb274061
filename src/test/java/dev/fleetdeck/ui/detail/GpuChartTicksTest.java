package dev.fleetdeck.ui.detail;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Value-axis ticks are 1, 2 or 5 times a power of ten. */
class GpuChartTicksTest {
    @Test
    void stepsAreRoundNumbers() {
        assertEquals(100, dev.fleetdeck.ui.common.chart.Ticks.niceStep(84), 1e-9);
        assertEquals(10, dev.fleetdeck.ui.common.chart.Ticks.niceStep(8.4), 1e-9);
        assertEquals(20, dev.fleetdeck.ui.common.chart.Ticks.niceStep(11), 1e-9);
        assertEquals(5, dev.fleetdeck.ui.common.chart.Ticks.niceStep(5), 1e-9);
        assertEquals(1, dev.fleetdeck.ui.common.chart.Ticks.niceStep(0), 1e-9);
    }
}
