package dev.fleetdeck.provider.prom.dcgm;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuModels;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.ThrottleReason;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the series say about one physical GPU. MIG instances (series with {@code GPU_I_ID}) are folded into
 * their GPU: memory adds up over instances, utilisation is their mean engine activity, and the GPU lists its
 * profiles; a MIG-partitioned GPU still counts as one GPU of capacity.
 */
final class GpuAccumulator {
    private static final long[] BITS = {0x4, 0x8, 0x10, 0x20, 0x40, 0x80};
    private static final ThrottleReason[] REASONS = {ThrottleReason.SW_POWER_CAP, ThrottleReason.HW_SLOWDOWN,
            ThrottleReason.SYNC_BOOST, ThrottleReason.SW_THERMAL_SLOWDOWN, ThrottleReason.HW_THERMAL_SLOWDOWN,
            ThrottleReason.HW_POWER_BRAKE};

    int index;
    String uuid = "";
    String modelName = "";
    double gpuUtil = Double.NaN;
    double engineSum;
    int engineCount;
    double fbUsed = Double.NaN;
    double fbFree = Double.NaN;
    double fbReserved = Double.NaN;
    double fbTotal = Double.NaN;
    double migFbUsed;
    double migFbFree;
    boolean migFb;
    double temp = Double.NaN;
    double memTemp = Double.NaN;
    double power = Double.NaN;
    double powerLimit = Double.NaN;
    double smClock = Double.NaN;
    int xid;
    double eccSbe = Double.NaN;
    double eccDbe = Double.NaN;
    long throttleMask = -1;
    boolean remapFailure;
    boolean remapPending;
    double healthStatus = Double.NaN;
    final Map<String, Integer> migProfiles = new TreeMap<>();
    final Set<String> migInstances = new java.util.HashSet<>();
    String tenant;
    boolean hasWorkload;

    GpuAccumulator(int index) {
        this.index = index;
    }

    /**
     * DCGM's "blank" values (no reading: field not supported, GPU busy): the int32 blanks from 0x7ffffff0, the int64
     * blanks from 0x7ffffffffffffff0, and the FP64 blank 140737488355328.0 and above.
     */
    static boolean isBlank(double v) {
        return v >= 2_147_483_632d || v <= -2_147_483_632d || Double.isInfinite(v) || Double.isNaN(v);
    }

    void add(DcgmSeries series, double v, String migInstance, String migProfile) {
        if (isBlank(v) && series != DcgmSeries.THROTTLE_REASONS && series != DcgmSeries.EVENT_REASONS) {
            return;
        }
        boolean mig = migInstance != null;
        if (mig && migInstances.add(migInstance) && migProfile != null) {
            migProfiles.merge(migProfile, 1, Integer::sum);
        }
        switch (series) {
            case GPU_UTIL -> gpuUtil = mig && !Double.isNaN(gpuUtil) ? gpuUtil : v;
            case GR_ENGINE_ACTIVE -> {
                if (Double.isFinite(v)) {
                    engineSum += v;
                    engineCount++;
                }
            }
            case FB_USED -> {
                if (mig) {
                    migFbUsed += v;
                    migFb = true;
                } else {
                    fbUsed = v;
                }
            }
            case FB_FREE -> {
                if (mig) {
                    migFbFree += v;
                    migFb = true;
                } else {
                    fbFree = v;
                }
            }
            case FB_RESERVED -> fbReserved = mig ? fbReserved : v;
            case FB_TOTAL -> fbTotal = mig ? fbTotal : v;
            case GPU_TEMP -> temp = v;
            case MEMORY_TEMP -> memTemp = v;
            case POWER_USAGE -> power = v;
            case POWER_LIMIT -> powerLimit = v;
            case ENFORCED_POWER_LIMIT -> powerLimit = Double.isNaN(powerLimit) ? v : powerLimit;
            case SM_CLOCK -> smClock = v;
            case XID_ERRORS -> xid = v > 0 && v < 100_000 ? (int) v : xid;
            case ECC_SBE_VOL -> eccSbe = v;
            case ECC_DBE_VOL -> eccDbe = v;
            case ROW_REMAP_FAILURE -> remapFailure |= v > 0;
            case ROW_REMAP_PENDING -> remapPending |= v > 0;
            case THROTTLE_REASONS, EVENT_REASONS -> throttleMask = v >= 0 && v < 9.2e18 ? (long) v : throttleMask;
            case HEALTH_STATUS -> healthStatus = Double.isNaN(healthStatus) ? v : Math.max(healthStatus, v);
            case UNCORRECTABLE_REMAPPED_ROWS, THERMAL_VIOLATION, POWER_VIOLATION -> {
                // counters that need a rate over time: read by the health model from history (issue 8)
            }
        }
    }

    Gpu toGpu() {
        double util = !Double.isNaN(gpuUtil) ? gpuUtil : engineCount > 0 ? 100.0 * engineSum / engineCount : Double.NaN;
        double used = !Double.isNaN(fbUsed) ? fbUsed : migFb ? migFbUsed : Double.NaN;
        double free = !Double.isNaN(fbFree) ? fbFree : migFb ? migFbFree : Double.NaN;
        double total = !Double.isNaN(fbTotal) && fbTotal > 0 ? fbTotal
                : Double.isNaN(used) || Double.isNaN(free) ? Double.NaN
                : used + free + (Double.isNaN(fbReserved) ? 0 : fbReserved);
        if (Double.isNaN(used) && !Double.isNaN(total) && !Double.isNaN(free)) {
            used = Math.max(0, total - free - (Double.isNaN(fbReserved) ? 0 : fbReserved));
        }
        Set<ThrottleReason> throttle = EnumSet.noneOf(ThrottleReason.class);
        if (throttleMask > 0) {
            for (int i = 0; i < BITS.length; i++) {
                if ((throttleMask & BITS[i]) != 0) {
                    throttle.add(REASONS[i]);
                }
            }
        }
        List<HealthReason> reasons = new ArrayList<>(1);
        if (remapFailure) {
            reasons.add(new HealthReason(Health.CRIT, "row-remap-failure", "GPU " + index
                    + ": memory row remapping failed"));
        }
        if (remapPending) {
            reasons.add(new HealthReason(Health.WARN, "row-remap-pending", "GPU " + index
                    + ": a row remap is pending: reset the GPU"));
        }
        if (healthStatus >= 20) {
            reasons.add(new HealthReason(Health.CRIT, "dcgm-health-fail", "GPU " + index + ": DCGM health check failed"));
        } else if (healthStatus >= 10) {
            reasons.add(new HealthReason(Health.WARN, "dcgm-health-warn", "GPU " + index + ": DCGM health warning"));
        }
        String mig = migProfiles.isEmpty() ? "" : "MIG " + String.join(", ", migProfiles.entrySet().stream()
                .map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + " ×" + e.getValue()).toList());
        String model = modelName.isEmpty() ? "unknown" : GpuModels.normalize(modelName);
        return new Gpu(index, uuid, model, util, used, total, temp, memTemp, power, powerLimit, smClock,
                eccSbe, eccDbe, xid, throttle, mig, Health.UNKNOWN, reasons);
    }
}
