package dev.fleetdeck.model;

import java.util.Optional;

/**
 * Fleet-wide figures for the overview.
 *
 * @param capacity          all GPUs of the fleet rolled up
 * @param nodes             nodes in the fleet
 * @param avgUtilizationPct mean utilisation over GPUs that report it; NaN when none does
 * @param powerKw           summed power draw over GPUs that report it, kW; NaN when none does
 * @param powerLimitKw      summed power limits over GPUs that report one, kW; NaN when none does
 * @param hottest           the GPU with the highest temperature, when any reports one
 * @param unhealthyGpus     GPUs whose health is WARN or CRIT
 * @param criticalGpus      GPUs whose health is CRIT
 */
public record FleetTotals(
        Capacity capacity,
        int nodes,
        double avgUtilizationPct,
        double powerKw,
        double powerLimitKw,
        Optional<GpuRef> hottest,
        int unhealthyGpus,
        int criticalGpus) {
}
