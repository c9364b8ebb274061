package dev.fleetdeck.provider.nvsmi;

import dev.fleetdeck.model.GpuProcess;

import java.time.Duration;
import java.util.List;

/**
 * How an nvidia-smi provider runs its commands.
 *
 * @param commandTemplate argv prefix for a remote host, {@code {host}} replaced by its name (no shell involved)
 * @param nvidiaSmi       the nvidia-smi program (on the remote host for remote hosts)
 * @param region          region of hosts that have no region label
 * @param commandTimeout  how long one command may run before its process tree is killed
 * @param concurrency     hosts read at once
 * @param busyMeansRented whether a node with compute processes counts as rented (else every node is available)
 * @param localHostname   the name shown for the host {@code local}
 * @param xml             read {@code nvidia-smi -q -x} instead of the CSV queries (one command per host)
 * @param ignoreProcesses program names that never make a node rented (display servers, compositors): a desktop
 *                        that shows a picture is not a customer's workload
 */
record NvsmiSettings(List<String> commandTemplate, String nvidiaSmi, String region, Duration commandTimeout,
                     int concurrency, boolean busyMeansRented, String localHostname, boolean xml,
                     List<String> ignoreProcesses) {
    /** Display servers and compositors, which nvidia-smi lists as G or C+G processes on a workstation. */
    static final List<String> DEFAULT_IGNORED = List.of("Xorg", "X", "Xwayland", "gnome-shell", "kwin_wayland",
            "kwin_x11", "kwin", "plasmashell", "mutter", "sway", "weston", "Hyprland", "gamescope", "xfwm4",
            "cinnamon", "muffin", "compiz", "picom", "gdm-x-session", "gdm-wayland-session", "sddm-greeter",
            "lightdm", "cosmic-comp", "wayfire", "labwc", "dwm", "i3", "budgie-wm");
    static final List<String> DEFAULT_TEMPLATE = List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5",
            "{host}");

    NvsmiSettings {
        commandTemplate = List.copyOf(commandTemplate);
        ignoreProcesses = List.copyOf(ignoreProcesses);
    }

    NvsmiSettings(List<String> commandTemplate, String nvidiaSmi, String region, Duration commandTimeout,
                  int concurrency, boolean busyMeansRented, String localHostname, boolean xml) {
        this(commandTemplate, nvidiaSmi, region, commandTimeout, concurrency, busyMeansRented, localHostname, xml,
                DEFAULT_IGNORED);
    }

    /**
     * Whether a process is a customer's work: compute ({@code C}, {@code C+G} or untyped, as the compute-apps query
     * lists them), and not one of the ignored programs.
     */
    boolean isWorkload(GpuProcess p) {
        if (p.graphicsOnly()) {
            return false;
        }
        String program = p.programName();
        for (String ignored : ignoreProcesses) {
            if (ignored.equals(program)) {
                return false;
            }
        }
        return true;
    }
}
