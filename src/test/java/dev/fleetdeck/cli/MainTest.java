package dev.fleetdeck.cli;

import dev.fleetdeck.app.Wiring;
import dev.fleetdeck.config.ConfigLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end, in-process: exit codes, stdout and stderr. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void probeJsonPrintsTheWholeFleetWithAStableSchema() {
        assertEquals(Main.OK, run("probe", "--format", "json"), err());
        JsonNode root = JsonMapper.builder().build().readTree(out());
        assertEquals("fleetdeck.snapshot/v1", root.get("schema").asString());
        JsonNode totals = root.get("totals");
        assertEquals(4000, totals.get("gpus").asInt());
        assertEquals(500, totals.get("nodes").asInt());
        assertEquals(totals.get("gpus").asInt(), totals.get("free").asInt() + totals.get("rented").asInt()
                + totals.get("reserved").asInt() + totals.get("unavailable").asInt());
        int byModel = 0;
        for (JsonNode c : root.get("capacity").get("byModel")) {
            byModel += c.get("gpus").asInt();
        }
        assertEquals(4000, byModel);
        assertEquals(2, root.get("providers").size());
        assertEquals("ok", root.get("providers").get(0).get("state").asString());
        assertEquals(500, root.get("nodes").size());
        Set<String> states = new HashSet<>();
        for (JsonNode node : root.get("nodes")) {
            states.add(node.get("state").asString());
            assertTrue(node.get("gpus").size() <= node.get("expectedGpus").asInt());
            for (JsonNode gpu : node.get("gpus")) {
                assertTrue(gpu.get("temperatureC").isNumber());
                assertTrue(gpu.get("migProfile").isNull(), "absent is null, not empty or 0");
            }
        }
        assertTrue(states.containsAll(Set.of("rented", "available")), states.toString());
    }

    @Test
    void probeTableAndSummary() {
        assertEquals(Main.OK, run("probe"), err());
        assertTrue(out().contains("4,000 GPUs on 500 nodes"), out());
        assertTrue(out().contains("sim-partner"), out());
        out.reset();
        assertEquals(Main.OK, run("probe", "--format=json", "--summary", "--provider", "sim-partner"), err());
        JsonNode root = JsonMapper.builder().build().readTree(out());
        assertFalse(root.has("nodes"));
        assertEquals(1440, root.get("totals").get("gpus").asInt());
    }

    @Test
    void checkConfigPrintsEveryErrorAndExitsNonZero(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "providers:\n  - name: x\n    type: nope\n    interval: 2 parsecs\n");
        assertEquals(Main.USAGE, run("check-config", bad.toString()));
        String e = err();
        assertTrue(e.contains("the configuration has 2 errors:"), e);
        assertTrue(e.contains(bad + ":3:11: providers[0].type: unknown provider type 'nope'; known types: "
                + String.join(", ", Wiring.registry().types())), e);
        assertTrue(Wiring.registry().types().size() >= 11, "every adapter is registered: " + Wiring.registry().types());
        assertTrue(e.contains(bad + ":4:15: providers[0].interval:"), e);
        assertFalse(e.contains("Exception"), "no stack trace: " + e);

        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "providers:\n  - name: lab\n    type: simulated\n    options: {nodes: 2}\n");
        assertEquals(Main.OK, run("check-config", good.toString()), err());
        assertTrue(out().contains("valid, 1 provider"), out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(Main.USAGE, run("frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'"), err());
        err.reset();
        assertEquals(Main.USAGE, run("probe", "--format", "xml"));
        assertTrue(err().contains("--format must be table or json"), err());
        err.reset();
        assertEquals(Main.USAGE, run("probe", "--colour"));
        assertTrue(err().contains("unknown option --colour"), err());
        assertEquals(Main.USAGE, run("snapshot"));
        assertEquals(Main.USAGE, run("probe", "--config", "/nonexistent/fleet.yaml"));
        assertTrue(err().contains("/nonexistent/fleet.yaml: no such file"), err());
        out.reset();
        assertEquals(Main.OK, run("--help"));
        assertTrue(out().contains("Usage: fleetdeck"));
    }

    @Test
    void snapshotWritesAFullHdPngOfTheOverview(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("overview.png");
        assertEquals(Main.OK, run("snapshot", "--out", png.toString(), "--polls", "2"), err());
        assertTrue(out().contains("4,000 GPUs"), out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1920, image.getWidth());
        assertEquals(1080, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < 1080; y += 7) {
            for (int x = 0; x < 1920; x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, "a rendered dashboard, not a blank image: " + colours.size() + " colours");
        Files.copy(png, Path.of("target", "overview-test.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void versionPrintsTheBuildAndTheRuntime() {
        assertEquals(Main.OK, run("--version"));
        assertThat(out()).matches("fleetdeck \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(built \\d{4}-\\d\\d-\\d\\dT[0-9:]+Z\\) "
                + "· Java 25[^ ]* \\(.*\\) · JavaFX 26\\.0\\.2 · TilesFX 21\\.0\\.9\\R");
        assertEquals(Main.OK, run("version"));
    }

    @Test
    void withoutConfigTheUsersConfigFileIsUsedWhenItExists(@TempDir Path dir) throws Exception {
        Path user = ConfigLocations.userConfig(java.util.Map.of("XDG_CONFIG_HOME",
                dir.toString()), "/home/nobody");
        assertEquals(dir.resolve("fleetdeck/config.yaml"), user);
        assertEquals(Path.of("/home/nobody/.config/fleetdeck/config.yaml"),
                ConfigLocations.userConfig(java.util.Map.of(), "/home/nobody"));
        assertEquals(Path.of("/home/nobody/.config/fleetdeck/config.yaml"), ConfigLocations
                .userConfig(java.util.Map.of("XDG_CONFIG_HOME", "relative/dir"), "/home/nobody"),
                "a relative XDG_CONFIG_HOME is ignored, as the XDG spec says");
        try (var builtIn = Wiring.loadConfig(java.util.Optional.empty(), user)) {
            assertTrue(builtIn.isBuiltInDefault(), "no file yet: the simulated fleet");
        }
        Files.createDirectories(user.getParent());
        Files.writeString(user, "providers:\n  - name: mine\n    type: simulated\n    options: {nodes: 3}\n");
        try (var mine = Wiring.loadConfig(java.util.Optional.empty(), user)) {
            assertEquals(user.toString(), mine.source());
            assertEquals("mine", mine.providers().getFirst().spec().name());
        }
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, "providers:\n  - name: given\n    type: simulated\n");
        try (var given = Wiring.loadConfig(java.util.Optional.of(other.toString()), user)) {
            assertEquals("given", given.providers().getFirst().spec().name(), "--config wins");
        }
    }
}
