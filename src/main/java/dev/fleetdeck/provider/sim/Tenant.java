package dev.fleetdeck.provider.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A simulated customer and the shape of its load.
 *
 * @param name        fictional company name
 * @param kind        how it uses GPUs
 * @param phaseHours  hour of day (UTC) of its peak load
 * @param intensity   scale of its load, 0–1
 * @param memoryShare share of GPU memory its jobs fill, 0–1
 */
record Tenant(String name, Kind kind, double phaseHours, double intensity, double memoryShare) {

    enum Kind {
        /** Long jobs at near-full utilisation, day and night. */
        TRAINING,
        /** Serving traffic that follows the customers' day. */
        INFERENCE,
        /** Rented and forgotten: the money burns, the GPUs idle. */
        IDLE
    }

    private static final String[] NAMES = {
        "acme-ai", "nimbus-labs", "orbital-ml", "quanta-bio", "helix-robotics", "lumen-vision", "cobalt-llm",
        "vertex-audio", "redwood-research", "polar-genomics", "kite-speech", "atlas-forecast", "ember-games",
        "juniper-health", "saffron-translate", "tundra-climate", "onyx-finance", "meadow-agents", "cinder-video",
        "harbor-search"
    };

    /** Utilisation this tenant drives at the given hour of day (UTC), before per-GPU variation. */
    double utilizationAt(double hourOfDay) {
        return switch (kind) {
            case TRAINING -> 100 * intensity;
            case INFERENCE -> {
                double wave = Math.cos(2 * Math.PI * (hourOfDay - phaseHours) / 24.0);
                yield 100 * intensity * (0.55 + 0.45 * wave);
            }
            case IDLE -> 100 * intensity;
        };
    }

    /** A deterministic mix of tenants for a seed: mostly training and inference, a few idle. */
    static List<Tenant> generate(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x7e4a47L);
        List<Tenant> tenants = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = i < NAMES.length ? NAMES[i] : NAMES[i % NAMES.length] + "-" + (i / NAMES.length + 1);
            double roll = random.nextDouble();
            Kind kind = roll < 0.45 ? Kind.TRAINING : roll < 0.9 ? Kind.INFERENCE : Kind.IDLE;
            double intensity = switch (kind) {
                case TRAINING -> 0.88 + 0.1 * random.nextDouble();
                case INFERENCE -> 0.55 + 0.4 * random.nextDouble();
                case IDLE -> 0.04 * random.nextDouble();
            };
            double memory = kind == Kind.IDLE ? 0.02 + 0.05 * random.nextDouble() : 0.35 + 0.6 * random.nextDouble();
            tenants.add(new Tenant(name, kind, random.nextDouble() * 24, intensity, memory));
        }
        return List.copyOf(tenants);
    }
}
