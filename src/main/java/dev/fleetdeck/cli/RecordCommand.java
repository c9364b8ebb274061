package dev.fleetdeck.cli;

import dev.fleetdeck.app.Wiring;
import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.DurationText;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.service.FleetMonitor;
import dev.fleetdeck.service.recording.Recorder;
import dev.fleetdeck.service.recording.Recording;
import dev.fleetdeck.service.recording.RecordingException;
import dev.fleetdeck.model.RecordingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code record --duration 1h --out FILE}: polls the configured sources without a window and records every frame into
 * one DuckDB file, printing progress, until the duration is over or it is stopped (Ctrl+C, SIGTERM), then seals the
 * file. The file is what {@code probe --at}, {@code snapshot --at} and the DuckDB CLI read.
 */
@Command(name = "record", mixinStandardHelpOptions = true, versionProvider = BuildInfo.Version.class,
        description = "Record the fleet without a window into one DuckDB file (for a demo with no network, a "
                + "post-mortem, another tool) until the duration is over or it is stopped.")
final class RecordCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RootCommand.ConfigOption config;

    @Mixin
    RootCommand.VerboseOption verbose;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the recording to write (.duckdb;"
            + " an existing recording is added to), or a directory (an existing one, or a path ending in /) for"
            + " segment files of --segment each, readable by other tools as each one is sealed")
    String outText;

    private Path out;

    @Option(names = "--segment", paramLabel = "S", defaultValue = "1h", description = "with a directory for --out:"
            + " how long each segment file covers (default: ${DEFAULT-VALUE})")
    String segment;


    @Option(names = "--duration", paramLabel = "D", defaultValue = "1h", description = "how long to record, e.g. 30s,"
            + " 10m, 8h (default: ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--resolution", paramLabel = "R", defaultValue = "10s", description = "the least time between two"
            + " recorded frames (default: ${DEFAULT-VALUE})")
    String resolution;

    @Option(names = "--progress", paramLabel = "P", defaultValue = "10s", description = "how often a progress line is"
            + " printed (default: ${DEFAULT-VALUE})")
    String progress;

    @Override
    public Integer call() throws ConfigException, InterruptedException {
        PrintStream o = root.out;
        PrintStream err = root.err;
        Duration length = duration("--duration", duration);
        Duration step = duration("--resolution", resolution);
        Duration every = duration("--progress", progress);
        Duration segmentLength = duration("--segment", segment);
        out = Path.of(outText);
        boolean intoDirectory = Files.isDirectory(out) || outText.endsWith("/");
        if (!intoDirectory && Files.exists(out) && !Files.isRegularFile(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is not a regular file");
        }
        FleetDeckConfig loaded = Wiring.loadConfig(config.file());
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                done.await(20, TimeUnit.SECONDS); // let the file be sealed before the JVM goes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fleetdeck-record-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long frames;
        try (FleetMonitor monitor = Wiring.monitor(loaded);
             Recorder recorder = intoDirectory
                     ? Recorder.start(RecordingSettings.in(out).withResolution(step).withSegment(segmentLength),
                             Clock.systemUTC())
                     : Recorder.toFile(out, RecordingSettings.in(out.toAbsolutePath().getParent())
                             .withResolution(step), Clock.systemUTC())) {
            monitor.addFrameListener(recorder);
            o.printf("recording %s to %s for %s, a frame every %s or more; Ctrl+C stops and seals the file%n",
                    Wiring.sourceLabel(loaded), out, DurationText.format(length), DurationText.format(step));
            o.flush();
            monitor.start();
            long end = System.nanoTime() + length.toNanos();
            long t0 = System.nanoTime();
            while (true) {
                long left = end - System.nanoTime();
                if (left <= 0 || stop.await(Math.min(left, every.toNanos()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                Recorder.Status s = recorder.status();
                o.printf("recorded %,d frames in %s%s%n", s.framesWritten(),
                        DurationText.format(Duration.ofNanos(System.nanoTime() - t0).withNanos(0)),
                        s.problem().map(p -> " · " + p).orElse(""));
                o.flush();
            }
            monitor.close();
            recorder.close();
            frames = recorder.status().framesWritten();
        } catch (RecordingException e) {
            err.println("fleetdeck: " + e.getMessage());
            return Main.FAILED;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running
            }
        }
        return summary(o, err, frames);
    }

    private int summary(PrintStream o, PrintStream err, long frames) {
        if (frames == 0) {
            err.println("fleetdeck: no frame was recorded to " + out);
            return Main.FAILED;
        }
        try (Recording rec = Recording.open(out, AlertSettings.defaults())) {
            long bytes = 0;
            for (Path p : Files.isDirectory(out) ? Files.list(out).toList() : List.of(out)) {
                bytes += Files.isRegularFile(p) ? Files.size(p) : 0;
            }
            o.printf("wrote %s: %s, %,d bytes%n", out, rec.span(), bytes);
            return Main.OK;
        } catch (java.io.IOException | RecordingException e) {
            err.println("fleetdeck: " + e.getMessage());
            return Main.FAILED;
        }
    }

    private Duration duration(String option, String text) {
        return DurationText.parse(text).filter(d -> !d.isZero())
                .orElseThrow(() -> new ParameterException(spec.commandLine(), option + " must be a duration such as"
                        + " 30s, 10m or 8h, not '" + text + "'"));
    }
}
