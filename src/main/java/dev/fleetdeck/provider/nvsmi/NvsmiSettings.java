package dev.fleetdeck.provider.nvsmi;

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
 */
record NvsmiSettings(List<String> commandTemplate, String nvidiaSmi, String region, Duration commandTimeout,
                     int concurrency, boolean busyMeansRented, String localHostname, boolean xml) {
    static final List<String> DEFAULT_TEMPLATE = List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5",
            "{host}");

    NvsmiSettings {
        commandTemplate = List.copyOf(commandTemplate);
    }
}
