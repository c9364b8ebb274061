package dev.fleetdeck.provider.nvsmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code --query-gpu} fields FleetDeck reads, each with the names it has had across driver versions (the first
 * one a driver supports is asked for): e.g. {@code clocks_event_reasons.active}, called
 * {@code clocks_throttle_reasons.active} before driver 535.
 */
enum NvsmiField {
    INDEX("index"),
    UUID("uuid"),
    NAME("name"),
    PCI_BUS_ID("pci.bus_id"),
    DRIVER_VERSION("driver_version"),
    UTILIZATION_GPU("utilization.gpu"),
    UTILIZATION_MEMORY("utilization.memory"),
    MEMORY_USED("memory.used"),
    MEMORY_TOTAL("memory.total"),
    TEMPERATURE_GPU("temperature.gpu"),
    TEMPERATURE_MEMORY("temperature.memory"),
    POWER_DRAW("power.draw", "power.draw.average", "power.draw.instant"),
    POWER_LIMIT("power.limit", "enforced.power.limit"),
    SM_CLOCK("clocks.current.sm", "clocks.sm"),
    PSTATE("pstate"),
    FAN_SPEED("fan.speed"),
    ECC_CORRECTED("ecc.errors.corrected.volatile.total"),
    ECC_UNCORRECTED("ecc.errors.uncorrected.volatile.total"),
    THROTTLE_ACTIVE("clocks_event_reasons.active", "clocks_throttle_reasons.active"),
    MIG_MODE("mig.mode.current"),
    RECOVERY_ACTION("gpu_recovery_action"),
    REMAPPED_ROWS_FAILURE("remapped_rows.failure"),
    REMAPPED_ROWS_PENDING("remapped_rows.pending");

    /** Fields every driver since 2015 supports; used when {@code --help-query-gpu} cannot be read. */
    static final Set<NvsmiField> BASELINE = Set.of(INDEX, UUID, NAME, PCI_BUS_ID, DRIVER_VERSION, UTILIZATION_GPU,
            UTILIZATION_MEMORY, MEMORY_USED, MEMORY_TOTAL, TEMPERATURE_GPU, POWER_DRAW, POWER_LIMIT, SM_CLOCK, PSTATE,
            FAN_SPEED, ECC_CORRECTED, ECC_UNCORRECTED, THROTTLE_ACTIVE);

    private final List<String> names;

    NvsmiField(String... names) {
        this.names = List.of(names);
    }

    List<String> names() {
        return names;
    }

    /** The field a column name (as in a CSV header, units stripped) stands for, or null. */
    static NvsmiField ofColumn(String column) {
        String name = column.strip().toLowerCase(Locale.ROOT);
        int unit = name.indexOf(" [");
        if (unit >= 0) {
            name = name.substring(0, unit);
        }
        for (NvsmiField f : values()) {
            if (f.names.contains(name)) {
                return f;
            }
        }
        return null;
    }

    /** The query names to ask a driver that supports {@code supported} (all of ours when it is empty). */
    static List<String> queryNames(Set<String> supported) {
        List<String> out = new ArrayList<>();
        for (NvsmiField f : values()) {
            if (supported.isEmpty()) {
                if (BASELINE.contains(f)) {
                    out.add(f == THROTTLE_ACTIVE ? f.names.getLast() : f.names.getFirst());
                }
                continue;
            }
            // Every spelling the driver supports is asked for: where one is [N/A] on a card (GeForce drivers
            // report power.draw.average as N/A beside a real power.draw.instant), the next one is read.
            for (String n : f.names) {
                if (supported.contains(n)) {
                    out.add(n);
                }
            }
        }
        return out;
    }
}
