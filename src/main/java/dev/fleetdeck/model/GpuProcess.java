package dev.fleetdeck.model;

import java.util.Objects;

/**
 * A compute process running on a GPU.
 *
 * @param pid           process id on its node
 * @param name          process name or path, as the driver reports it
 * @param usedMemoryMiB GPU memory it holds, MiB; NaN when the driver does not say (e.g. without permission)
 */
public record GpuProcess(long pid, String name, double usedMemoryMiB) {
    public GpuProcess {
        Objects.requireNonNull(name, "name");
    }
}
