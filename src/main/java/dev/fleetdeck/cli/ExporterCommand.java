package dev.fleetdeck.cli;

import dev.fleetdeck.provider.sim.DcgmExporter;
import dev.fleetdeck.provider.sim.SimSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code exporter --nodes N [--port P] [--seed S] [--gpus-per-node G]}: serves a simulated fleet as dcgm-exporter
 * metrics on 127.0.0.1 until interrupted (Ctrl+C).
 */
@Command(name = "exporter", mixinStandardHelpOptions = true, versionProvider = BuildInfo.Version.class,
        description = "Serve a simulated fleet as dcgm-exporter metrics on 127.0.0.1 until stopped (Ctrl+C).")
final class ExporterCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "100", description = "simulated nodes, 1-50000 "
            + "(default: ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--port", paramLabel = "P", defaultValue = "9400", description = "TCP port on 127.0.0.1; 0 = "
            + "any free port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "same seed, same fleet "
            + "(default: ${DEFAULT-VALUE})")
    int seed;

    @Option(names = "--gpus-per-node", paramLabel = "G", defaultValue = "8", description = "1-16 "
            + "(default: ${DEFAULT-VALUE})")
    int gpus;

    @Mixin
    RootCommand.VerboseOption verbose;

    @Override
    public Integer call() {
        PrintStream out = root.out;
        PrintStream err = root.err;
        Ranges.check(spec, "--nodes", nodes, 1, 50_000);
        Ranges.check(spec, "--port", port, 0, 65_535);
        Ranges.check(spec, "--gpus-per-node", gpus, 1, 16);
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
