package dev.fleetdeck.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dev.fleetdeck.cli.Main} in a child JVM on the test's class path, with its home and data directories in
 * {@code dir} and its stderr in {@code dir/err.txt} (tests that kill, signal or wait for the process).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static Process start(Path dir, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.fleetdeck.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        return pb.start();
    }
}
