package dev.fleetdeck.provider.nvsmi;

import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.ProviderSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code type: nvidia-smi}. Options:
 * <pre>
 * hosts: [local]                 # "local" = this machine; other names go through command; labels: "gpu-01 region=r1"
 * hosts-file: /etc/fleetdeck/gpu-hosts.txt   # one host per line, re-read when it changes
 * command: "ssh -o BatchMode=yes -o ConnectTimeout=5 {host}"   # argv prefix for remote hosts, no shell
 * nvidia-smi: nvidia-smi         # the program (on the remote host for remote hosts)
 * region: local                  # region of hosts without a region label
 * command-timeout: 10s           # per command; the process tree is killed after it
 * busy-means-rented: true        # a node with compute processes counts as rented
 * ignore-processes: [Xorg, …]     # programs that never count (display servers and compositors by default)
 * format: csv                    # csv: --query-gpu/--query-compute-apps; xml: nvidia-smi -q -x
 * </pre>
 */
public final class NvsmiProviderFactory implements ProviderFactory {
    public static final String TYPE = "nvidia-smi";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "GPUs and processes from nvidia-smi, on this machine or on many hosts over ssh";
    }

    @Override
    public FleetProvider create(ProviderSpec spec) {
        ProviderOptions o = spec.options();
        List<NvsmiHost> hosts = new ArrayList<>();
        List<String> lines = o.getStringList("hosts", List.of());
        for (String line : lines) {
            try {
                NvsmiHost.parse(line).ifPresent(hosts::add);
            } catch (IllegalArgumentException e) {
                o.error("hosts", e.getMessage());
            }
        }
        Optional<Path> file = o.findString("hosts-file").map(NvsmiProviderFactory::expandHome);
        if (file.isPresent() && !Files.isReadable(file.get())) {
            o.error("hosts-file", "cannot read " + file.get());
        }
        if (hosts.isEmpty() && file.isEmpty()) {
            o.error("hosts", "missing: list hosts (\"local\" for this machine) or give a hosts-file");
        }
        List<String> template = o.findString("command")
                .map(c -> Arrays.asList(c.strip().split("\\s+")))
                .orElse(NvsmiSettings.DEFAULT_TEMPLATE);
        if (template.stream().noneMatch(t -> t.contains("{host}"))) {
            o.error("command", "must contain {host}, e.g. \"ssh -o BatchMode=yes {host}\"");
        }
        Duration timeout = o.getDuration("command-timeout", Duration.ofSeconds(10));
        if (timeout.compareTo(spec.timeout()) > 0) {
            timeout = spec.timeout();
        }
        NvsmiSettings settings = new NvsmiSettings(template, o.getString("nvidia-smi", "nvidia-smi"),
                o.getString("region", "local"), timeout, spec.concurrency(), o.getBoolean("busy-means-rented", true),
                localHostname(), xml(o), o.getStringList("ignore-processes", NvsmiSettings.DEFAULT_IGNORED));
        return new NvsmiProvider(spec.name(), settings, new NvsmiHostList(spec.name(), hosts, file),
                Clock.systemUTC());
    }

    private static boolean xml(ProviderOptions o) {
        String format = o.getString("format", "csv");
        if (!format.equals("csv") && !format.equals("xml")) {
            o.error("format", "must be csv (the --query-gpu fields) or xml (nvidia-smi -q -x)");
        }
        return format.equals("xml");
    }

    private static Path expandHome(String path) {
        return Path.of(path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path);
    }

    /** This machine's name without a DNS lookup (which could hang): $HOSTNAME, /etc/hostname, or "localhost". */
    static String localHostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            String file = Files.readString(Path.of("/etc/hostname")).strip();
            if (!file.isEmpty() && file.length() < 254) {
                return file;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: fall through
        }
        return "localhost";
    }
}
