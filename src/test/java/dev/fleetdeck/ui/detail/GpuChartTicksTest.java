package dev.fleetdeck.ui.detail;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Value-axis ticks are 1, 2 or 5 times a power of ten. */
class GpuChartTicksTest {
    @Test
    void stepsAreRoundNumbers() {
        assertEquals(100, GpuChart.niceStep(84), 1e-9);
        assertEquals(10, GpuChart.niceStep(8.4), 1e-9);
        assertEquals(20, GpuChart.niceStep(11), 1e-9);
        assertEquals(5, GpuChart.niceStep(5), 1e-9);
        assertEquals(1, GpuChart.niceStep(0), 1e-9);
    }
}
