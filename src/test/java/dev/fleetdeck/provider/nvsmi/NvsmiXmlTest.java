package dev.fleetdeck.provider.nvsmi;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every {@code nvidia-smi -q -x} capture in the fixtures reads to the right GPU, values and processes. */
class NvsmiXmlTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = NvsmiXmlTest.class.getResourceAsStream("/fixtures/nvidia-smi-xml/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Gpu gpu(NvsmiXml x) {
        assertEquals(1, x.rows().size());
        var row = x.rows().getFirst();
        return NvsmiGpus.gpu(row, 0, x.processes().getOrDefault(row.get("uuid"), List.of()));
    }

    @Test
    void a100WithMigSchemaV12() throws IOException {
        NvsmiXml x = NvsmiXml.parse(fixture("telegraf-a100-sxm4-80gb-mig-v12.xml"));
        Gpu g = gpu(x);
        assertEquals("A100", g.model());
        assertEquals("GPU-513536b6-7d19-9063-b049-1e69664bb298", g.uuid());
        assertEquals("MIG enabled", g.migProfile());
        assertTrue(Double.isNaN(g.utilizationPct()), "N/A under MIG");
        assertEquals(50.0, g.memoryUsedMiB());
        assertEquals(81920.0, g.memoryTotalMiB(), "the GPU's framebuffer, not a MIG instance's");
        assertEquals(27.0, g.temperatureC());
        assertEquals(44.0, g.memoryTemperatureC());
        assertEquals(67.03, g.powerW());
        assertEquals(500.0, g.powerLimitW());
        assertEquals(1275.0, g.smClockMHz());
        assertEquals(0.0, g.eccCorrected());
        assertEquals(0.0, g.eccUncorrected());
        assertEquals("535.54.03", x.rows().getFirst().get("driver_version"));
        assertEquals("00000000:01:00.0", x.rows().getFirst().get("pci.bus_id"));
    }

    @Test
    void rtx4000AdaSchemaV13WithProcessesAndAveragePower() throws IOException {
        NvsmiXml x = NvsmiXml.parse(fixture("telegraf-rtx-4000-sff-ada-v13.xml"));
        Gpu g = gpu(x);
        assertEquals("RTX4000ADA", g.model());
        assertEquals(0.0, g.utilizationPct());
        assertEquals(3534.0, g.memoryUsedMiB());
        assertEquals(20475.0, g.memoryTotalMiB());
        assertEquals(38.0, g.temperatureC());
        assertTrue(Double.isNaN(g.memoryTemperatureC()));
        assertEquals(8.81, g.powerW(), "average_power_draw in schema 13");
        assertEquals(70.0, g.powerLimitW());
        assertEquals(210.0, g.smClockMHz());
        assertTrue(Double.isNaN(g.eccCorrected()) && Double.isNaN(g.eccUncorrected()), "N/A on a workstation GPU");
        assertThat(g.throttleReasons()).as("idle is not a slowdown").isEmpty();
        assertThat(g.healthReasons()).as("remapped rows No/No").isEmpty();
        assertEquals(List.of(new GpuProcess(1842, "cosmic-comp", 410, "G"),
                new GpuProcess(3190, "/usr/bin/code", 451, "G"), new GpuProcess(4937, "python", 160, "C"),
                new GpuProcess(34626, "/usr/lib/chromium/chromium", 183, "C+G")),
                g.processes());
    }

    @Test
    void teslaT4SchemaV11WithOlderPowerAndThrottleNames() throws IOException {
        NvsmiXml x = NvsmiXml.parse(fixture("telegraf-tesla-t4.xml"));
        Gpu g = gpu(x);
        assertEquals("T4", g.model());
        assertEquals(1032.0, g.memoryUsedMiB());
        assertEquals(15360.0, g.memoryTotalMiB());
        assertEquals(40.0, g.temperatureC());
        assertEquals(26.78, g.powerW());
        assertEquals(70.0, g.powerLimitW(), "power_limit in the older power_readings");
        assertEquals(585.0, g.smClockMHz());
        assertEquals(List.of(new GpuProcess(675, "/usr/lib/xorg/Xorg", 22, "G"),
                new GpuProcess(5762, "python", 1005, "C")),
                g.processes());
        assertThat(x.rows().getFirst()).containsKey("clocks_throttle_reasons.hw_thermal_slowdown");
    }

    @Test
    void hostileOrBrokenXmlIsRefusedWithoutFetchingAnything() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE nvidia_smi_log [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<nvidia_smi_log><gpu id=\"0\"><product_name>&x;</product_name></gpu></nvidia_smi_log>";
        NvsmiXml x = NvsmiXml.parse(xxe);
        assertThat(x.rows().getFirst().getOrDefault("name", "")).doesNotContain("root:");
        assertThrows(IllegalArgumentException.class, () -> NvsmiXml.parse("<nvidia_smi_log><gpu>"));
        assertThrows(IllegalArgumentException.class, () -> NvsmiXml.parse("<html><body>login</body></html>"));
    }
}
