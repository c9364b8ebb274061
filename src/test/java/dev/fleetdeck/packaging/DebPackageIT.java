package dev.fleetdeck.packaging;

import dev.fleetdeck.support.ExternalBinary;
import dev.fleetdeck.support.TsdbServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Debian package as a new user meets it (failsafe, after {@code package}): {@code packaging/build-package.sh deb}
 * builds it, {@code lintian} reports no error, and — on CI (root, a clean machine) — {@code apt-get install} of the
 * file works without a desktop, {@code fleetdeck --version} and a brief {@code fleetdeck serve} run from it, and
 * {@code apt-get purge} removes it cleanly. Nothing is downloaded: {@code .ci/run} installs the package's
 * dependencies beforehand, so apt has only the file to install. On a developer machine the install part is left out: a test does not
 * install packages on someone's computer.
 */
class DebPackageIT {
    private record Result(int code, String output) {
    }

    @Test
    void theDebBuildsPassesLintianInstallsServesAndPurges() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "Debian packages: Linux");
        ExternalBinary.require("dpkg-deb");
        Path lintian = ExternalBinary.require("lintian");
        Result build = run(Duration.ofMinutes(10), "bash", "packaging/build-package.sh", "deb");
        assertEquals(0, build.code(), build.output());
        Path deb;
        try (Stream<Path> s = Files.list(Path.of("target/dist"))) {
            deb = s.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        System.out.printf("deb: %s, %.1f MiB%n", deb.getFileName(), Files.size(deb) / 1048576.0);

        Result lint = run(Duration.ofMinutes(5), lintian.toString(), "--no-tag-display-limit", deb.toString());
        List<String> errors = lint.output().lines().filter(l -> l.startsWith("E:")).toList();
        assertEquals(List.of(), errors, "lintian errors:\n" + lint.output());

        Result control = run(Duration.ofSeconds(30), "dpkg-deb", "-f", deb.toString(), "Maintainer", "Homepage",
                "Depends");
        assertFalse(control.output().contains("<Unknown>"), control.output());
        assertTrue(control.output().contains("libgtk-3-0"), "the window's GTK is a dependency: " + control.output());
        Result scripts = run(Duration.ofSeconds(30), "dpkg-deb", "-I", deb.toString());
        assertFalse(scripts.output().contains("postinst") || scripts.output().contains("prerm"),
                "no maintainer scripts (xdg-desktop-menu fails on a server): " + scripts.output());

        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean root = "0".equals(run(Duration.ofSeconds(10), "id", "-u").output().strip());
        boolean installedBefore = run(Duration.ofSeconds(10), "dpkg", "-s", "fleetdeck").code() == 0;
        Assumptions.assumeTrue(ci && root && !installedBefore,
                "apt-get install/purge runs on CI only (as root, with no fleetdeck installed)");
        Result install = run(Duration.ofMinutes(5), "apt-get", "install", "-y", "-q", "--no-install-recommends",
                deb.toAbsolutePath().toString());
        try {
            assertEquals(0, install.code(), install.output());
            Result version = run(Duration.ofSeconds(60), "/usr/bin/fleetdeck", "--version");
            assertEquals(0, version.code(), version.output());
            assertTrue(version.output().startsWith("fleetdeck 0.1.0"), version.output());
            serveBriefly();
        } finally {
            if (run(Duration.ofSeconds(10), "dpkg", "-s", "fleetdeck").code() == 0) {
                Result purge = run(Duration.ofMinutes(5), "apt-get", "purge", "-y", "-q", "fleetdeck");
                assertEquals(0, purge.code(), purge.output());
            }
        }
        assertFalse(Files.exists(Path.of("/usr/lib/fleetdeck")), "purged");
        assertFalse(Files.exists(Path.of("/usr/bin/fleetdeck"), java.nio.file.LinkOption.NOFOLLOW_LINKS), "purged");
    }

    /** {@code fleetdeck serve} from the package: ready on its port, then SIGTERM ends it with 0. */
    private static void serveBriefly() throws Exception {
        Path dir = Files.createTempDirectory("fleetdeck-deb");
        int port = TsdbServer.freePort();
        Path config = Files.writeString(dir.resolve("config.yaml"), """
                service:
                  listen: 127.0.0.1:%d
                recording:
                  location: %s
                providers:
                  - name: lab
                    type: simulated
                    interval: 1s
                    options: {seed: 4, nodes: 16, gpus-per-node: 8}
                """.formatted(port, dir.resolve("rec")));
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/fleetdeck", "serve", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile());
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process serve = pb.start();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int status = -1;
            while (status != 200 && System.nanoTime() < deadline && serve.isAlive()) {
                try {
                    status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (IOException e) {
                    Thread.sleep(200);
                }
            }
            assertEquals(200, status, Files.readString(dir.resolve("serve.log")));
            serve.destroy();
            assertTrue(serve.waitFor(5, TimeUnit.SECONDS), "SIGTERM stops it within 5 s");
            assertEquals(0, serve.exitValue(), Files.readString(dir.resolve("serve.log")));
        } finally {
            serve.destroyForcibly();
        }
    }

    private static Result run(Duration limit, String... argv) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(argv));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", argv) + " ran past " + limit);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
