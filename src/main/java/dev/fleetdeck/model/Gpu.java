package dev.fleetdeck.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One GPU as last reported. Numeric metrics are {@link Metrics#ABSENT} (NaN) when the source did not report
 * them; see {@link Metrics}.
 *
 * @param index            the GPU's index on its node (0-based, as nvidia-smi numbers them)
 * @param uuid             the GPU UUID, or empty when the source gives none
 * @param model            normalised model key, e.g. {@code H100}
 * @param utilizationPct   GPU utilisation, 0–100 %
 * @param memoryUsedMiB    framebuffer memory in use, MiB
 * @param memoryTotalMiB   framebuffer memory, MiB
 * @param temperatureC     GPU core temperature, °C
 * @param memoryTemperatureC HBM temperature, °C
 * @param powerW           power draw, W
 * @param powerLimitW      enforced power limit, W
 * @param smClockMHz       current SM clock, MHz
 * @param eccCorrected     volatile corrected (single-bit) ECC errors
 * @param eccUncorrected   volatile uncorrected (double-bit) ECC errors
 * @param lastXid          last XID error code seen, or 0 when none was reported
 * @param throttleReasons  active clock-event reasons that limit performance
 * @param migProfile       MIG profile of this instance (e.g. {@code 1g.10gb}), or empty when not a MIG instance
 * @param health           evaluated health
 * @param healthReasons    why health is not OK (empty when OK); a provider may report its own (e.g. row remap
 *                         failure), which the health rules keep
 * @param processes        compute processes on this GPU, when the source reports them (nvidia-smi does)
 */
public record Gpu(
        int index,
        String uuid,
        String model,
        double utilizationPct,
        double memoryUsedMiB,
        double memoryTotalMiB,
        double temperatureC,
        double memoryTemperatureC,
        double powerW,
        double powerLimitW,
        double smClockMHz,
        double eccCorrected,
        double eccUncorrected,
        int lastXid,
        Set<ThrottleReason> throttleReasons,
        String migProfile,
        Health health,
        List<HealthReason> healthReasons,
        List<GpuProcess> processes) {

    /** The highest GPU or memory temperature any sensor can mean; above it (or at 0 °C and below) it is absent. */
    static final double MAX_PLAUSIBLE_C = 150;
    /** No GPU board draws more; a larger reading is a sensor that does not support the field. */
    static final double MAX_PLAUSIBLE_W = 5_000;

    public Gpu {
        Objects.requireNonNull(uuid, "uuid");
        // Implausible readings are absent, never shown: a vGPU's 0 °C memory temperature, a sensor's sentinel value.
        temperatureC = plausible(temperatureC, 0, MAX_PLAUSIBLE_C, false);
        memoryTemperatureC = plausible(memoryTemperatureC, 0, MAX_PLAUSIBLE_C, false);
        powerLimitW = plausible(powerLimitW, 0, MAX_PLAUSIBLE_W, false);
        double powerCeiling = Metrics.isPresent(powerLimitW) ? Math.min(MAX_PLAUSIBLE_W, 2 * powerLimitW + 50)
                : MAX_PLAUSIBLE_W;
        powerW = plausible(powerW, 0, powerCeiling, true);
        utilizationPct = plausible(utilizationPct, 0, 100.5, true);
        memoryTotalMiB = plausible(memoryTotalMiB, 0, 16 << 20, false);
        memoryUsedMiB = plausible(memoryUsedMiB, 0, Metrics.isPresent(memoryTotalMiB) ? memoryTotalMiB * 1.01 + 1
                : 16 << 20, true);
        smClockMHz = plausible(smClockMHz, 0, 10_000, true);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(migProfile, "migProfile");
        Objects.requireNonNull(health, "health");
        throttleReasons = Set.copyOf(throttleReasons);
        healthReasons = List.copyOf(healthReasons);
        processes = List.copyOf(processes);
    }

    /** {@code v} when inside (low, high] (or [low, high] when {@code zeroOk}), else absent. */
    private static double plausible(double v, double low, double high, boolean zeroOk) {
        if (Double.isNaN(v)) {
            return v;
        }
        boolean ok = (zeroOk ? v >= low : v > low) && v <= high;
        return ok ? v : Metrics.ABSENT;
    }

    /** A GPU whose source reports no processes. */
    public Gpu(int index, String uuid, String model, double utilizationPct, double memoryUsedMiB,
               double memoryTotalMiB, double temperatureC, double memoryTemperatureC, double powerW,
               double powerLimitW, double smClockMHz, double eccCorrected, double eccUncorrected, int lastXid,
               Set<ThrottleReason> throttleReasons, String migProfile, Health health,
               List<HealthReason> healthReasons) {
        this(index, uuid, model, utilizationPct, memoryUsedMiB, memoryTotalMiB, temperatureC, memoryTemperatureC,
                powerW, powerLimitW, smClockMHz, eccCorrected, eccUncorrected, lastXid, throttleReasons, migProfile,
                health, healthReasons, List.of());
    }

    /** This GPU with another evaluated health. */
    public Gpu withHealth(Health newHealth, List<HealthReason> reasons) {
        return new Gpu(index, uuid, model, utilizationPct, memoryUsedMiB, memoryTotalMiB, temperatureC,
                memoryTemperatureC, powerW, powerLimitW, smClockMHz, eccCorrected, eccUncorrected, lastXid,
                throttleReasons, migProfile, newHealth, reasons, processes);
    }

    /** Memory in use as a percentage of total, or absent when either is absent. */
    public double memoryUsedPct() {
        if (!Metrics.isPresent(memoryUsedMiB) || !Metrics.isPresent(memoryTotalMiB) || memoryTotalMiB <= 0) {
            return Metrics.ABSENT;
        }
        return 100.0 * memoryUsedMiB / memoryTotalMiB;
    }
}
