package dev.fleetdeck.cli;

import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.FleetMonitor;
import dev.fleetdeck.service.PollingService;
import dev.fleetdeck.ui.FxThread;
import dev.fleetdeck.ui.HeadlessPlatform;
import dev.fleetdeck.ui.PngWriter;
import dev.fleetdeck.ui.ViewRenderer;
import javafx.scene.image.WritableImage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code snapshot --out F.png}: renders a view headless (JavaFX's built-in headless platform, software renderer)
 * from the configured providers after their first poll, and writes it as PNG. It leaves the JavaFX toolkit
 * running (the process exits after the command; tests in one JVM share the toolkit).
 */
final class SnapshotCommand {
    private static final Pattern SIZE = Pattern.compile("(\\d{2,5})x(\\d{2,5})");
    private static final Duration FX_TIMEOUT = Duration.ofSeconds(60);

    private SnapshotCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws CliArgs.UsageException, ConfigException {
        CliArgs a = CliArgs.parse(args, Set.of("config", "out", "size", "view", "polls", "page", "node", "theme"), Set.of("verbose"));
        Path file = Path.of(a.value("out").orElseThrow(() -> new CliArgs.UsageException("snapshot needs --out FILE.png")));
        Matcher size = SIZE.matcher(a.value("size").orElse("1920x1080"));
        if (!size.matches()) {
            throw new CliArgs.UsageException("--size must look like 1920x1080");
        }
        int width = Integer.parseInt(size.group(1));
        int height = Integer.parseInt(size.group(2));
        if (width < 320 || height < 240 || width > 7680 || height > 4320) {
            throw new CliArgs.UsageException("--size must be between 320x240 and 7680x4320");
        }
        String view = a.value("view").orElse("overview");
        if (!ViewRenderer.VIEWS.contains(view)) {
            throw new CliArgs.UsageException("unknown view '" + view + "'; views: " + String.join(", ", ViewRenderer.VIEWS));
        }
        int polls = a.intValue("polls", 1, 1, 1000);
        String themeKey = a.value("theme").orElse("dark");
        dev.fleetdeck.ui.Theme theme = dev.fleetdeck.ui.Theme.of(themeKey);
        if (!theme.key().equals(themeKey)) {
            throw new CliArgs.UsageException("unknown theme '" + themeKey + "'; themes: dark, light, high-contrast");
        }
        int page = a.intValue("page", 1, 1, 4);
        if (!a.positional().isEmpty()) {
            throw new CliArgs.UsageException("unexpected argument '" + a.positional().getFirst() + "'");
        }
        FleetDeckConfig config = FleetServices.loadConfig(a.value("config"));
        String source = FleetServices.sourceLabel(config);
        long t0 = System.nanoTime();
        try (FleetMonitor monitor = FleetServices.monitor(config)) {
            PollingService service = monitor.polling();
            HeadlessPlatform.start();
            ViewRenderer renderer = FxThread.call(() -> new ViewRenderer(view, source, width, height, monitor,
                    config.showroom(), page, a.value("node").orElse(null), theme), FX_TIMEOUT);
            monitor.start();
            long lastSeq = 0;
            long firstPollMs = -1;
            FleetSnapshot snap = null;
            for (int i = 0; i < polls; i++) {
                long after = lastSeq;
                Duration budget = FleetServices.firstPollBudget(config).plus(
                        config.providers().stream().map(p -> p.spec().interval()).max(Duration::compareTo).orElseThrow());
                snap = service.await(s -> s.sequence() > after && PollingService.everyProviderPolled().test(s), budget);
                if (firstPollMs < 0) {
                    firstPollMs = (System.nanoTime() - t0) / 1_000_000;
                }
                lastSeq = snap.sequence();
                FleetSnapshot shown = snap;
                FxThread.call(() -> {
                    renderer.show(shown);
                    return null;
                }, FX_TIMEOUT);
            }
            monitor.awaitBackfill(Duration.ofSeconds(30));
            FleetSnapshot last = snap;
            FxThread.call(() -> {
                renderer.show(last); // again, now that the trends have their past
                return null;
            }, FX_TIMEOUT);
            long r0 = System.nanoTime();
            WritableImage image = FxThread.call(renderer::render, FX_TIMEOUT);
            long renderMs = (System.nanoTime() - r0) / 1_000_000;
            FxThread.call(() -> {
                renderer.close();
                return null;
            }, FX_TIMEOUT);
            PngWriter.write(image, file);
            out.printf("wrote %s (%dx%d, view %s): %s, %d providers; first poll complete after %d ms, render %d ms%n",
                    file, width, height, view, Units.gpus(snap.gpuCount()), snap.providers().size(), firstPollMs, renderMs);
            return Main.OK;
        } catch (java.util.concurrent.TimeoutException e) {
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
            if (a.flag("verbose")) {
                e.printStackTrace(err);
            }
            err.println("fleetdeck: rendering failed: " + e);
            return Main.FAILED;
        }
    }
}
