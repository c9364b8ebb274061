package dev.fleetdeck.provider.nvsmi;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuModels;
import dev.fleetdeck.model.GpuProcess;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.ThrottleReason;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns parsed nvidia-smi rows into GPUs and processes. */
final class NvsmiGpus {
    /** NVML's nvmlClocksEventReason bits that mean "slowed down" (idle and clock settings left out). */
    private static final Map<Long, ThrottleReason> MASK_BITS = Map.of(
            0x4L, ThrottleReason.SW_POWER_CAP,
            0x8L, ThrottleReason.HW_SLOWDOWN,
            0x10L, ThrottleReason.SYNC_BOOST,
            0x20L, ThrottleReason.SW_THERMAL_SLOWDOWN,
            0x40L, ThrottleReason.HW_THERMAL_SLOWDOWN,
            0x80L, ThrottleReason.HW_POWER_BRAKE);
    /** The per-reason columns (either spelling) some outputs carry beside the mask. */
    private static final Map<String, ThrottleReason> REASON_COLUMNS = Map.of(
            "sw_power_cap", ThrottleReason.SW_POWER_CAP,
            "hw_slowdown", ThrottleReason.HW_SLOWDOWN,
            "sync_boost", ThrottleReason.SYNC_BOOST,
            "sw_thermal_slowdown", ThrottleReason.SW_THERMAL_SLOWDOWN,
            "hw_thermal_slowdown", ThrottleReason.HW_THERMAL_SLOWDOWN,
            "hw_power_brake_slowdown", ThrottleReason.HW_POWER_BRAKE);

    private NvsmiGpus() {
    }

    /** The raw value of a field in a row, under whichever of its names the row uses. */
    static String value(Map<String, String> row, NvsmiField field) {
        String absent = null;
        for (String name : field.names()) {
            String v = row.get(name);
            if (v != null && !NvsmiValues.isAbsent(v)) {
                return v; // the first spelling that really has a value: "[N/A]" falls through to the next
            }
            absent = absent == null ? v : absent;
        }
        return absent;
    }

    /** One GPU from one {@code --query-gpu} row; {@code position} numbers it when the row has no index. */
    static Gpu gpu(Map<String, String> row, int position, List<GpuProcess> processes) {
        double index = NvsmiValues.number(value(row, NvsmiField.INDEX));
        String name = NvsmiValues.text(value(row, NvsmiField.NAME));
        List<HealthReason> reasons = new ArrayList<>(2);
        int idx = Double.isNaN(index) ? position : (int) index;
        if (NvsmiValues.flag(value(row, NvsmiField.REMAPPED_ROWS_FAILURE))) {
            reasons.add(new HealthReason(Health.CRIT, "row-remap-failure", "GPU " + idx
                    + ": memory row remapping failed (nvidia-smi remapped_rows.failure)"));
        }
        if (NvsmiValues.flag(value(row, NvsmiField.REMAPPED_ROWS_PENDING))) {
            reasons.add(new HealthReason(Health.WARN, "row-remap-pending", "GPU " + idx
                    + ": a row remap is pending: reset the GPU"));
        }
        String recovery = NvsmiValues.text(value(row, NvsmiField.RECOVERY_ACTION));
        if (!recovery.isEmpty() && !recovery.equalsIgnoreCase("none")) {
            reasons.add(new HealthReason(Health.CRIT, "recovery-action", "GPU " + idx + ": driver asks for recovery: "
                    + recovery));
        }
        boolean mig = NvsmiValues.text(value(row, NvsmiField.MIG_MODE)).equalsIgnoreCase("enabled");
        return new Gpu(idx, NvsmiValues.text(value(row, NvsmiField.UUID)),
                name.isEmpty() ? "unknown" : GpuModels.normalize(name),
                NvsmiValues.number(value(row, NvsmiField.UTILIZATION_GPU)),
                NvsmiValues.number(value(row, NvsmiField.MEMORY_USED)),
                NvsmiValues.number(value(row, NvsmiField.MEMORY_TOTAL)),
                NvsmiValues.number(value(row, NvsmiField.TEMPERATURE_GPU)),
                NvsmiValues.number(value(row, NvsmiField.TEMPERATURE_MEMORY)),
                NvsmiValues.number(value(row, NvsmiField.POWER_DRAW)),
                NvsmiValues.number(value(row, NvsmiField.POWER_LIMIT)),
                NvsmiValues.number(value(row, NvsmiField.SM_CLOCK)),
                NvsmiValues.number(value(row, NvsmiField.ECC_CORRECTED)),
                NvsmiValues.number(value(row, NvsmiField.ECC_UNCORRECTED)),
                0, throttle(row), mig ? "MIG enabled" : "", Health.UNKNOWN, reasons, processes);
    }

    static Set<ThrottleReason> throttle(Map<String, String> row) {
        Set<ThrottleReason> out = EnumSet.noneOf(ThrottleReason.class);
        long mask = NvsmiValues.mask(value(row, NvsmiField.THROTTLE_ACTIVE));
        if (mask > 0) {
            MASK_BITS.forEach((bit, reason) -> {
                if ((mask & bit) != 0) {
                    out.add(reason);
                }
            });
        }
        for (Map.Entry<String, String> e : row.entrySet()) {
            String key = e.getKey();
            int dot = key.lastIndexOf('.');
            if (dot > 0 && (key.startsWith("clocks_event_reasons.") || key.startsWith("clocks_throttle_reasons."))) {
                ThrottleReason r = REASON_COLUMNS.get(key.substring(dot + 1).toLowerCase(Locale.ROOT));
                if (r != null && NvsmiValues.flag(e.getValue())) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Processes per GPU UUID from {@code --query-compute-apps} rows. */
    static Map<String, List<GpuProcess>> processes(List<Map<String, String>> rows) {
        Map<String, List<GpuProcess>> out = new HashMap<>();
        for (Map<String, String> row : rows) {
            String uuid = NvsmiValues.text(row.get("gpu_uuid"));
            double pid = NvsmiValues.number(row.get("pid"));
            if (uuid.isEmpty() || Double.isNaN(pid)) {
                continue;
            }
            out.computeIfAbsent(uuid, k -> new ArrayList<>()).add(new GpuProcess((long) pid,
                    NvsmiValues.text(row.get("process_name")), NvsmiValues.number(row.get("used_gpu_memory"))));
        }
        return out;
    }
}
