package dev.fleetdeck.cli;

import dev.fleetdeck.app.DesktopWiring;
import dev.fleetdeck.app.Wiring;
import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.ConfigLocations;
import dev.fleetdeck.config.FleetDeckConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ui}: validates the configuration, then opens the dashboard and returns when its window closes. */
@Command(name = "ui", mixinStandardHelpOptions = true, versionProvider = BuildInfo.Version.class,
        description = "Open the dashboard (the default command); without --config, "
                + "~/.config/fleetdeck/config.yaml if it exists, else the built-in simulated fleet.")
final class UiCommand implements Callable<Integer> {
    @Mixin
    RootCommand.ConfigOption config;

    @Mixin
    RootCommand.VerboseOption verbose;

    @Option(names = "--showroom", description = "start full screen in the customer-safe showroom")
    boolean showroom;

    @Override
    public Integer call() throws ConfigException {
        return run(config.file(), showroom);
    }

    static int run(Optional<String> configFile, boolean showroom) throws ConfigException {
        long started = System.nanoTime();
        // JavaFX starts while the configuration is read (an invalid one still ends with its errors, no window).
        DesktopWiring.warmUpWindow();
        FleetDeckConfig config = Wiring.loadConfig(configFile);
        Path file = configFile.map(Path::of).orElseGet(ConfigLocations::userConfig);
        DesktopWiring.launch(config, file, showroom, started);
        return Main.OK;
    }
}
