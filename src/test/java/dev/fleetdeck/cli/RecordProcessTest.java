package dev.fleetdeck.cli;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.service.recording.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code record} in a child JVM: {@code kill -9} loses at most the frame being written and the file opens again; a
 * second process reads the sealed segments while the first goes on writing; SIGTERM seals what is open.
 */
class RecordProcessTest {
    private static final Pattern PROGRESS = Pattern.compile("recorded ([\\d,]+) frames");

    @TempDir
    Path dir;

    private Path config() throws Exception {
        return Files.writeString(dir.resolve("fleet.yaml"), """
                providers:
                  - name: lab
                    type: simulated
                    interval: 200ms
                    options: {seed: 3, nodes: 40, gpus-per-node: 8, event-rate: 20, time-scale: 60}
                """);
    }

    private Process start(String... args) throws Exception {
        return dev.fleetdeck.support.ChildJvm.start(dir, args);
    }

    /** Reads progress lines until one reports at least {@code frames}; returns the count it reported. */
    private static long awaitFrames(BufferedReader out, long frames) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = PROGRESS.matcher(line);
            if (m.find()) {
                long n = Long.parseLong(m.group(1).replace(",", ""));
                if (n >= frames) {
                    return n;
                }
            }
        }
        throw new AssertionError("record ended before " + frames + " frames");
    }

    @Test
    void killNineLosesAtMostTheFrameBeingWrittenAndTheFileOpensAgain() throws Exception {
        Path file = dir.resolve("demo.duckdb");
        Process p = start("record", "--config", config().toString(), "--out", file.toString(), "--duration", "5m",
                "--resolution", "200ms", "--progress", "200ms");
        long reported;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            reported = awaitFrames(out, 8);
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no seal, whatever was mid-write
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        try (Recording rec = Recording.open(file, AlertSettings.defaults())) {
            assertTrue(rec.span().frames() >= reported, rec.span() + " after " + reported + " were reported");
            assertEquals(40, rec.frameAt(rec.span().last()).snapshot().nodes().size());
        }
    }

    @Test
    void anotherProcessReadsSealedSegmentsWhileRecordingGoesOnAndSigtermSealsTheRest() throws Exception {
        Path segments = dir.resolve("segments");
        Process p = start("record", "--config", config().toString(), "--out", segments + "/", "--segment", "1s",
                "--duration", "5m", "--resolution", "200ms", "--progress", "200ms");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            awaitFrames(out, 12);
            long whileWriting;
            try (Recording rec = Recording.open(segments, AlertSettings.defaults())) {
                whileWriting = rec.span().frames();
                assertTrue(whileWriting > 0, rec.span().toString());
                assertTrue(rec.skipped().stream().anyMatch(s -> s.contains("another process")), rec.skipped()
                        .toString());
                assertEquals(40, rec.frameAt(rec.span().last()).snapshot().nodes().size());
            }
            assertTrue(p.isAlive(), "the recorder goes on while another process reads");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String rest = Files.readString(dir.resolve("err.txt"));
            try (Recording rec = Recording.open(segments, AlertSettings.defaults())) {
                assertEquals(List.of(), rec.skipped(), "every segment sealed on SIGTERM: " + rest);
                assertTrue(rec.span().frames() >= whileWriting);
            }
        }
    }
}
