package dev.fleetdeck.provider.nvsmi;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every nvidia-smi capture of the real-output corpus ({@code src/test/resources/real}, sources in its SOURCES.md),
 * CSV and XML, datacenter, GeForce, MIG, vGPU and Windows, drivers 460-610: each GPU's values equal what the raw
 * fields say ({@code expected-gpus.csv}, written from the bytes by {@code expectations.py}, a second reading).
 */
class RealCapturesTest {
    private static final Path REAL = Path.of("src/test/resources/real");

    static Stream<Arguments> gpus() throws IOException {
        List<Arguments> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(REAL.resolve("expected-gpus.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            out.add(Arguments.of(f[0], Integer.parseInt(f[1]), f));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} GPU {1}")
    @MethodSource("gpus")
    void everyGpuHasTheValuesItsCaptureSays(String file, int index, String[] expected) throws IOException {
        List<Gpu> gpus = parse(file);
        Gpu g = gpus.stream().filter(x -> x.index() == index).findFirst().orElseThrow();
        assertEquals(expected[2], g.uuid(), "uuid");
        assertEquals(expected[3], g.model(), "model");
        assertValue(expected[4], g.utilizationPct(), "utilisation");
        assertValue(expected[5], g.memoryUsedMiB(), "memory used");
        assertValue(expected[6], g.memoryTotalMiB(), "memory total");
        assertValue(expected[7], g.temperatureC(), "temperature");
        assertValue(expected[8], g.memoryTemperatureC(), "memory temperature");
        assertValue(expected[9], g.powerW(), "power");
        assertValue(expected[10], g.powerLimitW(), "power limit");
    }

    private static void assertValue(String expected, double actual, String what) {
        if (expected.equals("NaN")) {
            assertThat(actual).as(what + " is absent").isNaN();
        } else {
            assertEquals(Double.parseDouble(expected), actual, 1e-9, what);
        }
    }

    static List<Gpu> parse(String file) throws IOException {
        String text = Files.readString(REAL.resolve(file), StandardCharsets.UTF_8);
        List<Gpu> out = new ArrayList<>();
        if (file.endsWith(".xml")) {
            NvsmiXml x = NvsmiXml.parse(text);
            for (int i = 0; i < x.rows().size(); i++) {
                Map<String, String> row = x.rows().get(i);
                out.add(NvsmiGpus.gpu(row, i, x.processes().getOrDefault(row.get("uuid"), List.of())));
            }
        } else {
            NvsmiOutput o = NvsmiOutput.parse(text, List.of(), Optional.empty());
            assertThat(o.garbage()).as(file).isEmpty();
            for (int i = 0; i < o.rows().size(); i++) {
                out.add(NvsmiGpus.gpu(o.rows().get(i), i, List.of()));
            }
        }
        return out;
    }

    /** Every compute-apps capture parses; a desktop compositor beside real work does not decide what is rented. */
    @org.junit.jupiter.api.Test
    void computeAppsCapturesParseAndCompositorsAreNotWorkloads() throws IOException {
        NvsmiSettings settings = new NvsmiSettings(List.of(), "nvidia-smi", "r", java.time.Duration.ofSeconds(1), 1,
                true, "me", false);
        try (var files = Files.list(REAL.resolve("nvidia-smi-csv"))) {
            for (Path f : files.filter(p -> p.toString().endsWith("query-compute-apps.csv")).toList()) {
                NvsmiOutput o = NvsmiOutput.parse(Files.readString(f, StandardCharsets.UTF_8), List.of(),
                        Optional.of("process_name"));
                assertThat(o.garbage()).as(f.toString()).isEmpty();
                assertThat(o.rows()).as(f.toString()).isNotEmpty();
            }
        }
        String text = Files.readString(REAL.resolve(
                "nvidia-smi-csv/ug-nvidia-geforce-rtx-4080-super-595.71.05-load-query-compute-apps.csv"));
        var processes = NvsmiGpus.processes(NvsmiOutput.parse(text, List.of(), Optional.of("process_name")).rows())
                .values().stream().flatMap(List::stream).toList();
        assertThat(processes).extracting(GpuProcess::programName)
                .contains("kwin_wayland", "ffmpeg");
        assertThat(processes).filteredOn(p -> p.programName().equals("kwin_wayland"))
                .allSatisfy(p -> assertThat(settings.isWorkload(p)).isFalse());
        assertThat(processes).filteredOn(p -> p.programName().equals("ffmpeg"))
                .allSatisfy(p -> assertThat(settings.isWorkload(p)).isTrue());
    }
}
