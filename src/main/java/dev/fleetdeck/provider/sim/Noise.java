package dev.fleetdeck.provider.sim;

/**
 * Stateless, seeded pseudo-random numbers: the same inputs always give the same value, so metrics at a given
 * simulated minute do not depend on how often, or in which order, the fleet was polled.
 */
final class Noise {
    private Noise() {
    }

    /** A value in [0, 1) for the given coordinates. */
    static double unit(long seed, long a, long b, long c) {
        long h = mix(seed ^ mix(a * 0x9E3779B97F4A7C15L ^ mix(b * 0xC2B2AE3D27D4EB4FL ^ mix(c + 0x165667B19E3779F9L))));
        return (h >>> 11) * 0x1.0p-53;
    }

    /** A value in [-1, 1) for the given coordinates. */
    static double signed(long seed, long a, long b, long c) {
        return 2 * unit(seed, a, b, c) - 1;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
