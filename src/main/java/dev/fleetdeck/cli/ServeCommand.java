package dev.fleetdeck.cli;

import dev.fleetdeck.app.ServiceWiring;
import dev.fleetdeck.app.Wiring;
import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.FleetDeckConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve}: the headless service until SIGTERM or Ctrl+C, which stop it cleanly (polling stopped, pending alerts
 * delivered, the recording sealed) with exit status 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = BuildInfo.Version.class,
        description = "Run headless until stopped: poll, evaluate alerts, record, send alerts to Alertmanager and "
                + "serve /metrics, /healthz, /readyz and /api/v1/frame on service.listen (default 127.0.0.1:9401).")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    RootCommand.ConfigOption config;

    @Mixin
    RootCommand.VerboseOption verbose;

    @Override
    public Integer call() throws ConfigException, InterruptedException {
        FleetDeckConfig loaded = Wiring.loadConfig(config.file());
        CountDownLatch stop = new CountDownLatch(1);
        boolean handled = StopSignals.install(stop::countDown);
        ServiceWiring service;
        try {
            service = ServiceWiring.start(loaded, BuildInfo.version());
        } catch (IOException e) {
            loaded.close();
            root.err.println("fleetdeck: " + e.getMessage());
            return Main.FAILED;
        }
        Thread hook = new Thread(service::close, "fleetdeck-serve-stop");
        if (!handled) {
            Runtime.getRuntime().addShutdownHook(hook); // no signal handling here: stop in the JVM's own shutdown
        }
        root.out.printf("serving %s on http://%s:%d (/metrics /healthz /readyz /api/v1/frame)%s; SIGTERM or Ctrl+C "
                        + "stops%n", Wiring.sourceLabel(loaded), hostForUrl(loaded.service().host()), service.port(),
                loaded.service().alertmanagers().isEmpty() ? ""
                        : ", alerts to " + loaded.service().alertmanagers().size() + " Alertmanager(s)");
        root.out.flush();
        stop.await();
        long t0 = System.nanoTime();
        service.close();
        root.out.printf("stopped in %,d ms%n", (System.nanoTime() - t0) / 1_000_000);
        root.out.flush();
        return Main.OK;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
