package dev.fleetdeck.cli;

import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.service.PollingService;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** {@code probe}: polls every provider once and prints the fleet snapshot as tables or JSON. */
final class ProbeCommand {
    private ProbeCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws CliArgs.UsageException, ConfigException {
        CliArgs a = CliArgs.parse(args, Set.of("config", "format", "provider"), Set.of("summary", "verbose"));
        String format = a.value("format").orElse("table");
        if (!format.equals("table") && !format.equals("json")) {
            throw new CliArgs.UsageException("--format must be table or json, got '" + format + "'");
        }
        if (!a.positional().isEmpty()) {
            throw new CliArgs.UsageException("unexpected argument '" + a.positional().getFirst() + "'");
        }
        FleetDeckConfig config = FleetServices.loadConfig(a.value("config"));
        if (a.value("provider").isPresent()) {
            String only = a.value("provider").get();
            var selected = config.providers().stream().filter(p -> p.spec().name().equals(only)).toList();
            if (selected.isEmpty()) {
                config.close();
                throw new CliArgs.UsageException("no provider named '" + only + "'; configured: " + String.join(", ",
                        config.providers().stream().map(p -> p.spec().name()).toList()));
            }
            config.providers().stream().filter(p -> !selected.contains(p)).forEach(p -> p.provider().close());
            config = new FleetDeckConfig(config.source(), selected, config.unreachableAfter(), config.showroom(),
                    config.alerts());
        }
        String source = FleetServices.sourceLabel(config);
        try (PollingService service = FleetServices.pollingService(config)) {
            service.start();
            FleetSnapshot snap = service.await(PollingService.everyProviderPolled(), FleetServices.firstPollBudget(config));
            if (format.equals("json")) {
                SnapshotJson.write(snap, source, !a.flag("summary"), out);
                out.println();
            } else {
                out.print(SnapshotText.render(snap, source));
            }
            out.flush();
            boolean anyData = snap.providers().stream().anyMatch(p -> p.lastSuccess().isPresent());
            if (!anyData) {
                err.println("fleetdeck: no provider answered");
                return Main.FAILED;
            }
            return Main.OK;
        } catch (TimeoutException e) {
            err.println("fleetdeck: " + e.getMessage());
            return Main.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.FAILED;
        }
    }
}
