package dev.fleetdeck.packaging;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Packaging smoke test, run by {@code mvn verify} after the jar is built (failsafe, integration-test phase): jpackage
 * builds an app image (a jlink'd runtime plus the jars) from {@code packaging/jpackage/*.args}; its launcher must
 * print the version and render a snapshot headless to a non-trivial PNG. Prints the image size and launcher timings.
 */
class AppImageIT {
    private static final Path TARGET = Path.of("target");

    @Test
    void theAppImageStartsPrintsItsVersionAndRendersASnapshot() throws Exception {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        Path jar;
        try (Stream<Path> s = Files.list(TARGET)) {
            jar = s.filter(p -> p.getFileName().toString().matches("fleetdeck-.*\\.jar")).findFirst().orElseThrow(
                    () -> new AssertionError("target/fleetdeck-*.jar is missing: run through mvn verify"));
        }
        Path input = TARGET.resolve("jpackage-input");
        Path dest = TARGET.resolve("app-image");
        deleteTree(input);
        deleteTree(dest);
        Files.createDirectories(input);
        Files.copy(jar, input.resolve(jar.getFileName()));
        try (Stream<Path> libs = Files.list(TARGET.resolve("lib"))) {
            for (Path lib : libs.toList()) {
                if (lib.getFileName().toString().startsWith("duckdb_jdbc-")) {
                    DuckDbNatives.keepOnly(lib, input.resolve(lib.getFileName())); // as packaging/build-package.sh
                } else {
                    Files.copy(lib, input.resolve(lib.getFileName()));
                }
            }
        }
        List<String> args = new ArrayList<>(List.of("@packaging/jpackage/common.args", "--type", "app-image",
                "--input", input.toString(), "--main-jar", jar.getFileName().toString(), "--dest", dest.toString()));
        if (os.contains("linux")) {
            args.addAll(List.of("--icon", "packaging/icons/fleetdeck.png"));
        }
        ToolProvider jpackage = ToolProvider.findFirst("jpackage").orElseThrow(
                () -> new AssertionError("this JDK has no jpackage (module jdk.jpackage)"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        int rc = jpackage.run(out, out, args.toArray(String[]::new));
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, rc, "jpackage failed:\n" + log.toString(StandardCharsets.UTF_8));

        Path home = dest.resolve("fleetdeck");
        Path launcher = os.contains("win") ? home.resolve("fleetdeck.exe")
                : os.contains("mac") ? dest.resolve("fleetdeck.app/Contents/MacOS/fleetdeck") : home.resolve("bin/fleetdeck");
        assertTrue(Files.isExecutable(launcher), "launcher " + launcher);

        long v0 = System.nanoTime();
        Result version = run(launcher, "--version");
        long versionMs = (System.nanoTime() - v0) / 1_000_000;
        assertEquals(0, version.code(), version.output());
        assertTrue(version.output().startsWith("fleetdeck 0.1.0"), version.output());

        Path png = TARGET.resolve("app-image-snapshot.png");
        Files.deleteIfExists(png);
        long s0 = System.nanoTime();
        Result shot = run(launcher, "snapshot", "--out", png.toAbsolutePath().toString(), "--size", "1280x720");
        long snapshotMs = (System.nanoTime() - s0) / 1_000_000;
        assertEquals(0, shot.code(), shot.output());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < 720; y += 7) {
            for (int x = 0; x < 1280; x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 40, "a real dashboard, not a blank frame: " + colours.size() + " colours");

        System.out.printf("app image: %.1f MiB (runtime %.1f MiB), built by jpackage in %,d ms; launcher --version in"
                        + " %,d ms, snapshot (first poll + render) in %,d ms; %s%n", size(home) / 1048576.0,
                size(home.resolve("lib/runtime")) / 1048576.0, buildMs, versionMs, snapshotMs,
                version.output().strip());
    }

    private record Result(int code, String output) {
    }

    private static Result run(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readNBytes(1 << 20);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish within 120 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
