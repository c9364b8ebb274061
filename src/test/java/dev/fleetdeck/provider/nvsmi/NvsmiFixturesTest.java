package dev.fleetdeck.provider.nvsmi;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuProcess;
import dev.fleetdeck.model.ThrottleReason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every real nvidia-smi capture in the fixtures parses to the right GPU and values. */
class NvsmiFixturesTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = NvsmiFixturesTest.class.getResourceAsStream("/fixtures/nvidia-smi-csv/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Gpu onlyGpu(String name) throws IOException {
        NvsmiOutput out = NvsmiOutput.parse(fixture(name), List.of(), Optional.empty());
        assertEquals(1, out.rows().size(), name);
        assertThat(out.garbage()).isEmpty();
        assertThat(out.lost()).isEmpty();
        assertThat(out.driverFailure()).isEmpty();
        return NvsmiGpus.gpu(out.rows().getFirst(), 0, List.of());
    }

    @Test
    void h100UnderLoad() throws IOException {
        Gpu g = onlyGpu("ug-h100-80gb-hbm3-load-query-gpu.csv");
        assertEquals(0, g.index());
        assertEquals("H100", g.model());
        assertEquals("GPU-00000000-0000-0000-0000-000000000000", g.uuid());
        assertEquals(100.0, g.utilizationPct());
        assertEquals(19818.0, g.memoryUsedMiB());
        assertEquals(81559.0, g.memoryTotalMiB());
        assertEquals(59.0, g.temperatureC());
        assertEquals(54.0, g.memoryTemperatureC());
        assertEquals(631.95, g.powerW());
        assertEquals(700.0, g.powerLimitW());
        assertEquals(1980.0, g.smClockMHz());
        assertEquals(0.0, g.eccCorrected());
        assertEquals(0.0, g.eccUncorrected());
        assertThat(g.throttleReasons()).isEmpty();
        assertEquals("", g.migProfile());
        assertThat(g.healthReasons()).as("remapped rows No, recovery None").isEmpty();
    }

    @Test
    void h100WithMigHasNoUtilisationAndSaysSo() throws IOException {
        Gpu g = onlyGpu("ug-h100-mig-load-query-gpu.csv");
        assertEquals("H100", g.model());
        assertTrue(Double.isNaN(g.utilizationPct()), "[N/A] under MIG is absent, not 0");
        assertEquals(11125.0, g.memoryUsedMiB());
        assertEquals(53.0, g.temperatureC());
        assertEquals(59.0, g.memoryTemperatureC());
        assertEquals(433.78, g.powerW());
        assertEquals("MIG enabled", g.migProfile());
        assertThat(g.healthReasons()).as("remapped rows [N/A] is not a failure").isEmpty();
    }

    @Test
    void l40sWithBareNotAvailable() throws IOException {
        Gpu g = onlyGpu("ug-l40s-load-query-gpu.csv");
        assertEquals("L40S", g.model());
        assertEquals(9.0, g.utilizationPct());
        assertEquals(1235.0, g.memoryUsedMiB());
        assertEquals(46068.0, g.memoryTotalMiB());
        assertEquals(54.0, g.temperatureC());
        assertTrue(Double.isNaN(g.memoryTemperatureC()), "'N/A' without brackets");
        assertEquals(110.23, g.powerW());
        assertEquals(350.0, g.powerLimitW());
        assertEquals(2520.0, g.smClockMHz());
    }

    @Test
    void windowsGeForceWithoutEcc() throws IOException {
        Gpu g = onlyGpu("ug-windows-rtx-2080-super-610.62-load-query-gpu.csv");
        assertEquals("RTX2080SUPER", g.model());
        assertEquals(7.0, g.utilizationPct());
        assertEquals(1366.0, g.memoryUsedMiB());
        assertEquals(8192.0, g.memoryTotalMiB());
        assertEquals(44.0, g.temperatureC());
        assertEquals(97.99, g.powerW());
        assertEquals(250.0, g.powerLimitW());
        assertEquals(2040.0, g.smClockMHz());
        assertTrue(Double.isNaN(g.eccCorrected()) && Double.isNaN(g.eccUncorrected()), "no ECC on GeForce");
    }

    @Test
    void computeAppsWithUnitsInHeaderAndValues() throws IOException {
        NvsmiOutput out = NvsmiOutput.parse(fixture("ug-h100-mig-load-query-compute-apps.csv"), List.of(),
                Optional.of("process_name"));
        Map<String, List<GpuProcess>> byGpu = NvsmiGpus.processes(out.rows());
        List<GpuProcess> p = byGpu.get("GPU-00000000-0000-0000-0000-000000000000");
        assertEquals(List.of(new GpuProcess(21180, "/root/tools/memhog", 2296),
                new GpuProcess(21181, "/root/tools/memhog", 1272), new GpuProcess(21198, "./gpu_burn", 7484)), p);
    }

    @Test
    void oddValuesAndLinesAreReadNotCrashedOn() {
        List<String> cols = List.of("index", "name", "utilization.gpu", "temperature.gpu", "power.draw",
                "clocks_throttle_reasons.active");
        String text = "0, NVIDIA A100-SXM4-80GB, [Not Supported], 41, [Unknown Error], 0x0000000000000024\r\n"
                + "Unable to determine the device handle for GPU 0000:07:00.0: Unknown Error\r\n"
                + "2, NVIDIA A100-SXM4-80GB, [Insufficient Permissions], 39 C, 88.1 W, [N/A]\r\n";
        NvsmiOutput out = NvsmiOutput.parse(text, cols, Optional.empty());
        assertEquals(2, out.rows().size());
        assertEquals(Map.of("0000:07:00.0", "Unknown Error"), out.lost());
        Gpu first = NvsmiGpus.gpu(out.rows().get(0), 0, List.of());
        assertEquals("A100", first.model());
        assertTrue(Double.isNaN(first.utilizationPct()) && Double.isNaN(first.powerW()));
        assertThat(first.throttleReasons()).containsExactlyInAnyOrder(
                ThrottleReason.SW_POWER_CAP, ThrottleReason.SW_THERMAL_SLOWDOWN);
        Gpu third = NvsmiGpus.gpu(out.rows().get(1), 1, List.of());
        assertEquals(2, third.index());
        assertEquals(39.0, third.temperatureC());
        assertEquals(88.1, third.powerW());
    }
}
