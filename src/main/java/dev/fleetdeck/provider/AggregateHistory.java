package dev.fleetdeck.provider;

import java.util.Objects;

/**
 * What a provider's source remembers of the recent past, already summed over its GPUs, on a regular time grid:
 * enough to backfill the fleet trends at start. Sums and counts (not averages) so that several providers add up.
 * NaN where the source had no data at that time.
 *
 * @param epochMillis     the grid
 * @param utilizationSum  sum of GPU utilisation, %
 * @param utilizationCount GPUs reporting utilisation
 * @param powerW          sum of power draw, W
 * @param temperatureSum  sum of GPU temperatures, °C
 * @param temperatureCount GPUs reporting a temperature
 * @param temperatureMax  hottest GPU, °C
 * @param freeByModel     free GPUs per model, when the source knows rentals (a TSDB does not: empty)
 */
public record AggregateHistory(long[] epochMillis, double[] utilizationSum, double[] utilizationCount,
                               double[] powerW, double[] temperatureSum, double[] temperatureCount,
                               double[] temperatureMax, java.util.Map<String, double[]> freeByModel) {
    public AggregateHistory {
        Objects.requireNonNull(epochMillis, "epochMillis");
        int n = epochMillis.length;
        for (double[] a : new double[][] {utilizationSum, utilizationCount, powerW, temperatureSum, temperatureCount,
                temperatureMax}) {
            if (a.length != n) {
                throw new IllegalArgumentException("aggregate history arrays differ in length");
            }
        }
        freeByModel = java.util.Map.copyOf(freeByModel);
        for (double[] a : freeByModel.values()) {
            if (a.length != n) {
                throw new IllegalArgumentException("aggregate history arrays differ in length");
            }
        }
    }
}
