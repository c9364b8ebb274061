package dev.fleetdeck.model;

import java.util.Map;

/**
 * Warning and critical temperatures of a GPU model, core and memory, °C. Data-centre parts slow down near 87–90 °C
 * core and are rated for HBM up to 95–105 °C; PCIe and workstation cards (L40S, RTX) run cooler limits and report no
 * memory temperature. Extend {@link #BY_MODEL} for a new model; unknown models get {@link #DEFAULT}.
 */
public record TemperatureLimits(double gpuWarnC, double gpuCritC, double memWarnC, double memCritC) {
    public static final TemperatureLimits DEFAULT = new TemperatureLimits(85, 92, 95, 105);

    static final Map<String, TemperatureLimits> BY_MODEL = Map.ofEntries(
            Map.entry("H100", DEFAULT),
            Map.entry("H200", DEFAULT),
            Map.entry("H800", DEFAULT),
            Map.entry("GH200", DEFAULT),
            Map.entry("B200", new TemperatureLimits(87, 94, 95, 105)),
            Map.entry("B300", new TemperatureLimits(87, 94, 95, 105)),
            Map.entry("GB200", new TemperatureLimits(87, 94, 95, 105)),
            Map.entry("A100", new TemperatureLimits(83, 90, 90, 95)),
            Map.entry("A800", new TemperatureLimits(83, 90, 90, 95)),
            Map.entry("L40S", new TemperatureLimits(82, 89, 95, 105)),
            Map.entry("L40", new TemperatureLimits(82, 89, 95, 105)),
            Map.entry("L4", new TemperatureLimits(80, 87, 95, 105)),
            Map.entry("RTX4090", new TemperatureLimits(80, 88, 95, 105)),
            Map.entry("RTX5090", new TemperatureLimits(80, 88, 95, 105)));

    /** The limits of a normalised model key. */
    public static TemperatureLimits of(String model) {
        TemperatureLimits own = BY_MODEL.get(model);
        return own != null ? own : BY_MODEL.getOrDefault(GpuModels.family(model), DEFAULT);
    }
}
