package dev.fleetdeck.provider.sim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Datasheet figures of the GPU models the simulator knows, and the list price it starts from.
 *
 * @param model          model key, as used across FleetDeck
 * @param memoryMiB      framebuffer as nvidia-smi reports it
 * @param tdpW           default power limit
 * @param idleW          draw when idle
 * @param maxSmClockMHz  boost SM clock
 * @param thermalRiseC   how far above inlet air it runs at full load
 * @param slowdownC      temperature at which it starts to slow down
 * @param pricePerGpuHour on-demand list price per GPU-hour, USD
 * @param demand         share of nodes that tend to be rented (0–1)
 */
record GpuSpec(String model, double memoryMiB, double tdpW, double idleW, double maxSmClockMHz,
               double thermalRiseC, double slowdownC, double pricePerGpuHour, double demand) {

    static final List<GpuSpec> ALL = List.of(
            new GpuSpec("H100", 81_559, 700, 72, 1980, 50, 87, 2.49, 0.86),
            new GpuSpec("H200", 143_771, 700, 78, 1980, 50, 87, 3.39, 0.90),
            new GpuSpec("B200", 183_359, 1000, 140, 1965, 52, 88, 5.29, 0.92),
            new GpuSpec("A100", 81_920, 400, 55, 1410, 46, 85, 1.29, 0.72),
            new GpuSpec("L40S", 46_068, 350, 35, 2520, 48, 86, 0.89, 0.65),
            new GpuSpec("RTX4090", 24_564, 450, 22, 2520, 50, 84, 0.44, 0.60));

    private static final Map<String, GpuSpec> BY_KEY = ALL.stream()
            .collect(Collectors.toMap(s -> s.model().toUpperCase(Locale.ROOT), Function.identity()));

    /** The spec for a model key, case-insensitive. */
    static Optional<GpuSpec> find(String model) {
        return Optional.ofNullable(BY_KEY.get(model.toUpperCase(Locale.ROOT)));
    }

    /** Known model keys, for error messages. */
    static List<String> keys() {
        return ALL.stream().map(GpuSpec::model).toList();
    }
}
