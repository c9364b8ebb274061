package dev.fleetdeck.cli;

import dev.fleetdeck.app.Wiring;
import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.FleetMonitor;
import dev.fleetdeck.ui.common.FxThread;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.render.HeadlessPlatform;
import dev.fleetdeck.ui.render.LayoutLint;
import dev.fleetdeck.ui.render.PngWriter;
import dev.fleetdeck.ui.render.ViewRenderer;
import dev.fleetdeck.ui.theme.Theme;
import javafx.scene.image.WritableImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code snapshot --out F.png}: renders a view headless (JavaFX's built-in headless platform, software renderer)
 * from the frames of the configured providers after their first poll, and writes it as PNG. It leaves the JavaFX
 * toolkit running (the process exits after the command; tests in one JVM share the toolkit).
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, versionProvider = BuildInfo.Version.class,
        description = "Render a view to PNG without a display (selects JavaFX's headless platform itself).")
final class SnapshotCommand implements Callable<Integer> {
    private static final Pattern SIZE = Pattern.compile("(\\d{2,5})x(\\d{2,5})");
    private static final Duration FX_TIMEOUT = Duration.ofSeconds(60);

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RootCommand.ConfigOption config;

    @Mixin
    RootCommand.VerboseOption verbose;

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "where the PNG goes")
    Path file;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1920x1080",
            description = "image size, 320x240 to 7680x4320 (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--view", paramLabel = "VIEW", defaultValue = "overview", completionCandidates = ViewKeys.class,
            description = "one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String view;

    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "showroom page 1-4")
    int page;

    @Option(names = "--node", paramLabel = "PROVIDER/HOST", description = "the node for the detail view "
            + "(default: the least healthy)")
    String node;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "dark",
            description = "dark, light or high-contrast (default: ${DEFAULT-VALUE})")
    String themeKey;

    @Option(names = "--polls", paramLabel = "N", defaultValue = "1",
            description = "snapshots to feed before rendering, so trends have history (default: ${DEFAULT-VALUE})")
    int polls;

    @Option(names = "--lint", description = "also check the layout: list every truncated label, text running past its "
            + "container and overlapping controls; exit 1 if there is any")
    boolean lint;

    @Mixin
    PastOption past;

    @Override
    public Integer call() throws ConfigException {
        PrintStream out = root.out;
        PrintStream err = root.err;
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            throw new ParameterException(spec.commandLine(), "--size must look like 1920x1080");
        }
        int width = Integer.parseInt(m.group(1));
        int height = Integer.parseInt(m.group(2));
        if (width < 320 || height < 240 || width > 7680 || height > 4320) {
            throw new ParameterException(spec.commandLine(), "--size must be between 320x240 and 7680x4320");
        }
        if (ViewId.byKey(view).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "unknown view '" + view + "'; views: " + ViewId.keys());
        }
        Ranges.check(spec, "--polls", polls, 1, 1000);
        Ranges.check(spec, "--page", page, 1, 4);
        Theme theme = Theme.of(themeKey);
        if (!theme.key().equals(themeKey)) {
            throw new ParameterException(spec.commandLine(), "unknown theme '" + themeKey
                    + "'; themes: dark, light, high-contrast");
        }
        FleetDeckConfig loaded = Wiring.loadConfig(config.file());
        if (past.wanted()) {
            return renderPast(loaded, width, height, theme, out, err);
        }
        String source = Wiring.sourceLabel(loaded);
        long t0 = System.nanoTime();
        try (FleetMonitor monitor = Wiring.monitor(loaded);
             AutoCloseable external = Wiring.externalAlerts(loaded, monitor).map(e -> (AutoCloseable) e)
                     .orElse(() -> { })) {
            HeadlessPlatform.start();
            ViewRenderer renderer = FxThread.call(() -> new ViewRenderer(view, source, width, height,
                    loaded.showroom(), page, node, theme), FX_TIMEOUT);
            monitor.start();
            long lastSeq = 0;
            long firstPollMs = -1;
            FleetFrame frame = null;
            Duration budget = Wiring.firstPollBudget(loaded).plus(
                    loaded.providers().stream().map(p -> p.spec().interval()).max(Duration::compareTo).orElseThrow());
            for (int i = 0; i < polls; i++) {
                long after = lastSeq;
                frame = monitor.await(f -> f.snapshot().sequence() > after
                        && FleetMonitor.everyProviderPolled().test(f), budget);
                if (firstPollMs < 0) {
                    firstPollMs = (System.nanoTime() - t0) / 1_000_000;
                }
                lastSeq = frame.snapshot().sequence();
                FleetFrame shown = frame;
                FxThread.call(() -> {
                    renderer.show(shown);
                    return null;
                }, FX_TIMEOUT);
            }
            monitor.awaitBackfill(Duration.ofSeconds(30));
            if (external instanceof dev.fleetdeck.service.noc.ExternalAlertSource x
                    && x.awaitFirstRound(Duration.ofSeconds(15))) {
                long seen = monitor.latest().snapshot().sequence();
                monitor.await(f -> f.snapshot().sequence() > seen, budget); // the next frame carries them
            }
            FleetFrame last = monitor.latest();
            FxThread.call(() -> {
                renderer.show(last); // again, now that the trends have their past
                return null;
            }, FX_TIMEOUT);
            return finish(renderer, frame, firstPollMs, width, height, theme, out);
        } catch (TimeoutException e) {
            err.println("fleetdeck: " + e.getMessage());
            return Main.FAILED;
        } catch (IOException e) {
            err.println("fleetdeck: cannot write " + file + ": " + e.getMessage());
            return Main.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.FAILED;
        } catch (Exception e) {
            System.getLogger(SnapshotCommand.class.getName()).log(System.Logger.Level.DEBUG, "rendering failed", e);
            if (verbose.verbose) {
                e.printStackTrace(err);
            }
            err.println("fleetdeck: rendering failed: " + e);
            return Main.FAILED;
        }
    }

    /** {@code --at}: renders the frame recorded then, as the window showed it; nothing is polled. */
    private int renderPast(FleetDeckConfig loaded, int width, int height, Theme theme, PrintStream out,
                           PrintStream err) {
        loaded.close();
        long t0 = System.nanoTime();
        try {
            FleetFrame frame = past.frame(spec, loaded.alerts());
            long readMs = (System.nanoTime() - t0) / 1_000_000;
            HeadlessPlatform.start();
            ViewRenderer renderer = FxThread.call(() -> new ViewRenderer(view, past.label(frame), width, height,
                    loaded.showroom(), page, node, theme), FX_TIMEOUT);
            FxThread.call(() -> {
                renderer.show(frame);
                renderer.show(frame);
                return null;
            }, FX_TIMEOUT);
            return finish(renderer, frame, readMs, width, height, theme, out);
        } catch (dev.fleetdeck.service.recording.RecordingException e) {
            err.println("fleetdeck: " + e.getMessage());
            return Main.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.FAILED;
        } catch (Exception e) {
            err.println("fleetdeck: rendering failed: " + e);
            return Main.FAILED;
        }
    }

    /** Renders what the renderer shows, writes the PNG and reports (with the lint's findings when asked). */
    private int finish(ViewRenderer renderer, FleetFrame frame, long firstPollMs, int width, int height, Theme theme,
                       PrintStream out) throws Exception {
        long r0 = System.nanoTime();
        WritableImage image = FxThread.call(renderer::render, FX_TIMEOUT);
        List<LayoutLint.Finding> findings = lint ? FxThread.call(renderer::lint, FX_TIMEOUT) : List.of();
        long renderMs = (System.nanoTime() - r0) / 1_000_000;
        FxThread.call(() -> {
            renderer.close();
            return null;
        }, FX_TIMEOUT);
        PngWriter.write(image, file);
        out.printf("wrote %s (%dx%d, view %s): %s, %d providers; first poll complete after %d ms, render %d ms%n",
                file, width, height, view, Units.gpus(frame.snapshot().gpuCount()),
                frame.snapshot().providers().size(), firstPollMs, renderMs);
        if (lint) {
            findings.forEach(f -> out.println("lint: " + f));
            out.printf("layout lint: %d finding%s (%s, %dx%d, theme %s)%n", findings.size(),
                    findings.size() == 1 ? "" : "s", view, width, height, theme.key());
            return findings.isEmpty() ? Main.OK : Main.FAILED;
        }
        return Main.OK;
    }
}
