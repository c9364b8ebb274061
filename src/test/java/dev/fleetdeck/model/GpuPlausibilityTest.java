package dev.fleetdeck.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reading no sensor can mean is absent, never shown as a number. */
class GpuPlausibilityTest {
    private static Gpu gpu(double util, double used, double total, double temp, double memTemp, double power,
                           double limit) {
        return new Gpu(0, "GPU-1", "T4", util, used, total, temp, memTemp, power, limit, 1590, 0, 0, 0, Set.of(), "",
                Health.UNKNOWN, List.of());
    }

    @Test
    void zeroAndNegativeTemperaturesAreAbsent() {
        Gpu g = gpu(5, 10, 15109, 0, 0, 20, 70);
        assertTrue(Double.isNaN(g.temperatureC()), "0 °C: a vGPU or a sensor that is not there");
        assertTrue(Double.isNaN(g.memoryTemperatureC()), "a T4's DCGM memory temperature of 0 °C");
        assertTrue(Double.isNaN(gpu(5, 10, 100, -3, -1, 20, 70).temperatureC()));
        assertEquals(41.0, gpu(5, 10, 100, 41, 50, 20, 70).temperatureC());
    }

    @Test
    void powerFarAboveTheLimitAndSentinelsAreAbsent() {
        assertTrue(Double.isNaN(gpu(5, 10, 100, 40, 40, 4294967.295, 70).powerW()), "an N/A sentinel");
        assertTrue(Double.isNaN(gpu(5, 10, 100, 40, 40, 900, 70).powerW()), "900 W from a 70 W card");
        assertEquals(76.0, gpu(5, 10, 100, 40, 40, 76, 70).powerW(), "a little over the limit is real");
        assertEquals(0.0, gpu(5, 10, 100, 40, 40, 0, 70).powerW(), "0 W is a reading");
        assertTrue(Double.isNaN(gpu(5, 10, 100, 40, 40, 20, 0).powerLimitW()), "a 0 W limit is no limit");
    }

    @Test
    void utilisationAndMemoryOutsideTheirRangeAreAbsent() {
        assertTrue(Double.isNaN(gpu(250, 10, 100, 40, 40, 20, 70).utilizationPct()));
        assertTrue(Double.isNaN(gpu(-1, 10, 100, 40, 40, 20, 70).utilizationPct()));
        assertTrue(Double.isNaN(gpu(5, 500, 100, 40, 40, 20, 70).memoryUsedMiB()), "more used than there is");
        assertTrue(Double.isNaN(gpu(5, 10, 0, 40, 40, 20, 70).memoryTotalMiB()));
    }
}
