package dev.fleetdeck.provider.sim;

import dev.fleetdeck.model.SafeText;
import dev.fleetdeck.provider.ProviderOptions;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a simulated fleet is shaped.
 *
 * @param seed         everything random derives from it: the same seed and times give the same fleet
 * @param nodes        number of nodes
 * @param gpusPerNode  GPUs on each node
 * @param regions      regions the nodes are spread over, round-robin
 * @param models       GPU model key → weight in the mix
 * @param tenants      number of simulated customers
 * @param timeScale    simulated seconds per real second (1 = real time; 60 = a day in 24 minutes)
 * @param hostPrefix   prefix of generated hostnames
 * @param start        simulated time at the first poll; empty = the real time of the first poll
 * @param eventRate    multiplier on failure and XID/ECC event rates (0 = a perfectly healthy fleet)
 */
public record SimSettings(long seed, int nodes, int gpusPerNode, List<String> regions, Map<String, Double> models,
                          int tenants, double timeScale, String hostPrefix, Optional<Instant> start,
                          double eventRate) {

    public SimSettings {
        // Names from the configuration end up in every answer, which the polling service does not sanitise for the
        // simulator (its text is its own): they are escaped once here instead.
        regions = regions.stream().map(SafeText::of).toList();
        LinkedHashMap<String, Double> safeModels = new LinkedHashMap<>();
        models.forEach((k, v) -> safeModels.put(SafeText.of(k), v));
        models = java.util.Collections.unmodifiableMap(safeModels);
        hostPrefix = SafeText.of(hostPrefix);
        if (nodes < 0 || gpusPerNode < 1 || regions.isEmpty() || models.isEmpty() || tenants < 1 || timeScale <= 0) {
            throw new IllegalArgumentException("invalid simulator settings");
        }
    }

    /** A mid-size GPU cloud: 3 regions, 500 nodes of 8 GPUs. */
    public static SimSettings defaults() {
        Map<String, Double> mix = new LinkedHashMap<>();
        mix.put("H100", 40.0);
        mix.put("H200", 25.0);
        mix.put("B200", 15.0);
        mix.put("A100", 20.0);
        return new SimSettings(42, 500, 8, List.of("us-east-1", "us-west-2", "eu-central-1"), mix, 16, 1.0,
                "gpu", Optional.empty(), 1.0);
    }

    /** Reads the settings from a provider's options, recording an error for every bad value. */
    static SimSettings from(ProviderOptions options, String providerName) {
        SimSettings d = defaults();
        long seed = options.getInt("seed", (int) d.seed(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        int nodes = options.getInt("nodes", d.nodes(), 0, 50_000);
        int gpus = options.getInt("gpus-per-node", d.gpusPerNode(), 1, 16);
        List<String> regions = options.getStringList("regions", d.regions());
        if (regions.isEmpty()) {
            options.error("regions", "needs at least one region");
            regions = d.regions();
        }
        Map<String, Double> models = new LinkedHashMap<>();
        ProviderOptions mix = options.section("models");
        boolean unknownModel = false;
        for (String key : mix.keys()) {
            double weight = mix.getDouble(key, 0, 0, 1_000_000);
            if (GpuSpec.find(key).isEmpty()) {
                mix.error(key, "unknown GPU model; known models: " + String.join(", ", GpuSpec.keys()));
                unknownModel = true;
            } else if (weight > 0) {
                models.put(GpuSpec.find(key).orElseThrow().model(), weight);
            }
        }
        if (models.isEmpty()) {
            if (!mix.keys().isEmpty() && !unknownModel) {
                options.error("models", "needs at least one model with a weight above 0");
            }
            models = d.models();
        }
        int tenants = options.getInt("tenants", d.tenants(), 1, 10_000);
        double timeScale = options.getDouble("time-scale", d.timeScale(), 0.001, 1_000_000);
        String prefix = options.getString("host-prefix", providerName);
        Optional<Instant> start = Optional.empty();
        Optional<String> startText = options.findString("start");
        if (startText.isPresent()) {
            try {
                start = Optional.of(Instant.parse(startText.get()));
            } catch (DateTimeParseException e) {
                options.error("start", "not an ISO-8601 instant such as 2026-01-15T09:00:00Z: '" + startText.get() + "'");
            }
        }
        double eventRate = options.getDouble("event-rate", d.eventRate(), 0, 1000);
        return new SimSettings(seed, nodes, gpus, regions, models, tenants, timeScale, prefix, start, eventRate);
    }
}
