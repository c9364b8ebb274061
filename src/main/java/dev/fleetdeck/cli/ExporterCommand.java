package dev.fleetdeck.cli;

import dev.fleetdeck.provider.sim.DcgmExporter;
import dev.fleetdeck.provider.sim.SimSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code exporter --nodes N [--port P] [--seed S] [--gpus-per-node G]}: serves a simulated fleet as dcgm-exporter
 * metrics on 127.0.0.1 until interrupted (Ctrl+C).
 */
final class ExporterCommand {
    private ExporterCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws CliArgs.UsageException {
        CliArgs a = CliArgs.parse(args, Set.of("nodes", "port", "seed", "gpus-per-node"), Set.of("verbose"));
        if (!a.positional().isEmpty()) {
            throw new CliArgs.UsageException("unexpected argument '" + a.positional().getFirst() + "'");
        }
        int nodes = a.intValue("nodes", 100, 1, 50_000);
        int port = a.intValue("port", 9400, 0, 65_535);
        int seed = a.intValue("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int gpus = a.intValue("gpus-per-node", 8, 1, 16);
        SimSettings d = SimSettings.defaults();
        SimSettings settings = new SimSettings(seed, nodes, gpus, d.regions(), d.models(), d.tenants(), 1.0, "gpu",
                Optional.empty(), d.eventRate());
        try (DcgmExporter exporter = new DcgmExporter(settings, port)) {
            byte[] first = exporter.render();
            out.printf("serving %,d simulated nodes (%,d GPUs) as dcgm-exporter metrics:%n", nodes, nodes * gpus);
            out.printf("  %s/metrics              all nodes, %,d bytes%n", exporter.uri(), first.length);
            out.printf("  %s/nodes/HOST/metrics   one node%n", exporter.uri());
            out.printf("  %s/targets.json         Prometheus file_sd list of the per-node paths%n", exporter.uri());
            out.println("Ctrl+C stops it.");
            out.flush();
            CountDownLatch forever = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown, "fleetdeck-exporter-stop"));
            forever.await();
            return Main.OK;
        } catch (IOException e) {
            err.println("fleetdeck: cannot serve on 127.0.0.1:" + port + ": " + e.getMessage());
            return Main.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.OK;
        }
    }
}
