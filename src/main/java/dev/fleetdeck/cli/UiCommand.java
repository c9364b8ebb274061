package dev.fleetdeck.cli;

import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.ui.FleetDeckApp;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code ui}: validates the configuration, then opens the dashboard and returns when its window closes. */
final class UiCommand {
    private UiCommand() {
    }

    static int run(List<String> args, PrintStream err) throws CliArgs.UsageException, ConfigException {
        CliArgs a = CliArgs.parse(args, Set.of("config"), Set.of("verbose", "showroom"));
        if (!a.positional().isEmpty()) {
            throw new CliArgs.UsageException("unexpected argument '" + a.positional().getFirst() + "'");
        }
        FleetDeckConfig config = FleetServices.loadConfig(a.value("config"));
        java.nio.file.Path file = a.value("config").map(java.nio.file.Path::of)
                .orElseGet(dev.fleetdeck.config.ConfigLocations::userConfig);
        FleetDeckApp.launch(config, FleetServices.desktop(), a.flag("showroom"), file);
        return Main.OK;
    }
}
