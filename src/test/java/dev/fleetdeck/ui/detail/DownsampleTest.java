package dev.fleetdeck.ui.detail;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DownsampleTest {
    @Test
    void keepsSpikesAndDropsAbsentPointsWithinTwoPointsPerBucket() {
        int n = 10_000;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 1000L;
            v[i] = i == 4321 ? 99 : i == 777 ? Double.NaN : 10;
        }
        double[][] out = Downsample.minMax(t, v, 200);
        assertTrue(out[0].length <= 400, "at most two points per bucket: " + out[0].length);
        boolean spike = false;
        for (int i = 0; i < out[0].length; i++) {
            spike |= out[1][i] == 99 && out[0][i] == 4_321_000;
            assertTrue(!Double.isNaN(out[1][i]));
            assertTrue(i == 0 || out[0][i] > out[0][i - 1], "time order kept");
        }
        assertTrue(spike, "the one-sample spike survives");
        double[][] few = Downsample.minMax(new long[]{1, 2, 3}, new double[]{1, Double.NaN, 3}, 200);
        assertEquals(2, few[0].length);
    }
}
