package dev.fleetdeck.support;

import java.util.random.RandomGenerator;

/**
 * A "random" generator for backoff tests: every bounded draw lands at the same fraction of its range, so the
 * jittered pause is exactly {@code fraction × ceiling}.
 */
public record FixedJitter(double fraction) implements RandomGenerator {
    /** Always the top of the range: the pause equals the backoff ceiling. */
    public static final FixedJitter MAX = new FixedJitter(1.0);

    @Override
    public long nextLong() {
        return (long) (fraction * Long.MAX_VALUE);
    }

    @Override
    public long nextLong(long bound) {
        return Math.min(bound - 1, (long) (bound * fraction));
    }
}
