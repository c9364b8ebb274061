package dev.fleetdeck.model;

import java.util.Objects;

/**
 * A process running on a GPU.
 *
 * @param pid           process id on its node
 * @param name          process name or path, as the driver reports it
 * @param usedMemoryMiB GPU memory it holds, MiB; NaN when the driver does not say (e.g. without permission)
 * @param type          {@code C} (compute), {@code G} (graphics), {@code C+G}, or empty when the source does not say
 */
public record GpuProcess(long pid, String name, double usedMemoryMiB, String type) {
    public GpuProcess {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A process whose type the source does not say (nvidia-smi's compute-apps query lists compute work only). */
    public GpuProcess(long pid, String name, double usedMemoryMiB) {
        this(pid, name, usedMemoryMiB, "");
    }

    /** Whether nvidia-smi calls it graphics only ({@code G}): a display server, a compositor, a browser. */
    public boolean graphicsOnly() {
        return type.strip().equalsIgnoreCase("G");
    }

    /** The program's file name without its directory ({@code /usr/lib/xorg/Xorg} → {@code Xorg}). */
    public String programName() {
        String n = name.strip();
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        String base = slash >= 0 ? n.substring(slash + 1) : n;
        int space = base.indexOf(' ');
        return space > 0 ? base.substring(0, space) : base;
    }
}
