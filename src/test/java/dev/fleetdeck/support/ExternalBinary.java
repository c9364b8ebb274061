package dev.fleetdeck.support;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a program a test needs (prometheus, promtool, victoria-metrics). Missing: the test is skipped on a
 * developer machine, but fails when {@code CI=true}, because CI must run it ({@code .ci/run} installs them).
 */
public final class ExternalBinary {
    private ExternalBinary() {
    }

    public static Path require(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : (path + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/usr/local/bin")
                .split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String message = "'" + name + "' is not installed (Debian package: " + (name.equals("promtool")
                ? "prometheus" : name.equals("dpkg-deb") ? "dpkg" : name) + "); .ci/run installs it";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and " + message);
        }
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }
}
