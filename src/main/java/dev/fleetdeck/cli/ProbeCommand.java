package dev.fleetdeck.cli;

import dev.fleetdeck.app.Wiring;
import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.service.noc.SnapshotJson;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.FleetMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

/** {@code probe}: polls every provider once and prints the fleet snapshot of the first frame as tables or JSON. */
@Command(name = "probe", mixinStandardHelpOptions = true, versionProvider = BuildInfo.Version.class,
        description = "Poll every provider once and print the fleet. JSON has the stable schema "
                + "fleetdeck.snapshot/v1 (absent metrics are null, never 0).")
final class ProbeCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RootCommand.ConfigOption config;

    @Mixin
    RootCommand.VerboseOption verbose;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--summary", description = "JSON without the node list")
    boolean summary;

    @Option(names = "--provider", paramLabel = "NAME", description = "poll only this configured provider")
    String provider;

    @Mixin
    PastOption past;

    @Override
    public Integer call() throws ConfigException {
        PrintStream out = root.out;
        PrintStream err = root.err;
        if (!format.equals("table") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be table or json, got '" + format + "'");
        }
        FleetDeckConfig loaded = Wiring.loadConfig(config.file());
        if (past.wanted()) {
            return printPast(loaded, out, err);
        }
        if (provider != null) {
            var selected = loaded.providers().stream().filter(p -> p.spec().name().equals(provider)).toList();
            if (selected.isEmpty()) {
                loaded.close();
                throw new ParameterException(spec.commandLine(), "no provider named '" + provider + "'; configured: "
                        + String.join(", ", loaded.providers().stream().map(p -> p.spec().name()).toList()));
            }
            loaded.providers().stream().filter(p -> !selected.contains(p)).forEach(p -> p.provider().close());
            loaded = new FleetDeckConfig(loaded.source(), selected, loaded.unreachableAfter(), loaded.showroom(),
                    loaded.alerts(), loaded.recording());
        }
        String source = Wiring.sourceLabel(loaded);
        try (FleetMonitor monitor = Wiring.monitor(loaded)) {
            monitor.polling().start();
            FleetFrame frame = monitor.await(FleetMonitor.everyProviderPolled(), Wiring.firstPollBudget(loaded));
            FleetSnapshot snap = frame.snapshot();
            if (format.equals("json")) {
                SnapshotJson.write(snap, source, !summary, out);
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

    /** {@code --at}: the recorded frame, printed as a live one would be; nothing is polled. */
    private int printPast(FleetDeckConfig loaded, PrintStream out, PrintStream err) {
        try {
            loaded.close();
            FleetFrame frame = past.frame(spec, loaded.alerts());
            FleetSnapshot snap = provider == null ? frame.snapshot() : only(frame.snapshot(), provider);
            if (format.equals("json")) {
                SnapshotJson.write(snap, past.label(frame), !summary, out);
                out.println();
            } else {
                out.print(SnapshotText.render(snap, past.label(frame)));
            }
            out.flush();
            return Main.OK;
        } catch (dev.fleetdeck.service.recording.RecordingException e) {
            err.println("fleetdeck: " + e.getMessage());
            return Main.FAILED;
        }
    }

    /** The recorded snapshot with one source's nodes and status only. */
    private static FleetSnapshot only(FleetSnapshot s, String name) {
        return dev.fleetdeck.service.assembly.FleetAssembler.summarise(s.sequence(), s.takenAt(),
                s.nodes().stream().filter(n -> n.provider().equals(name)).toList(),
                s.providers().stream().filter(p -> p.name().equals(name)).toList(),
                s.market().stream().filter(o -> o.provider().equals(name)).toList());
    }
}
