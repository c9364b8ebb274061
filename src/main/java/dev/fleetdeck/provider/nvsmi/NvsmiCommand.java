package dev.fleetdeck.provider.nvsmi;

import dev.fleetdeck.model.GpuProcess;
import dev.fleetdeck.provider.process.ProcessResult;
import dev.fleetdeck.provider.process.ProcessRunner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The nvidia-smi commands for one host, run locally or through the command template. */
final class NvsmiCommand {
    private static final Pattern QUOTED_FIELD = Pattern.compile("\"([a-z][a-z0-9_.\\[\\]]*)\"");
    private static final Pattern REFUSED = Pattern.compile("Field \"([^\"]+)\" is not a valid field to query");

    /** The host could not be read at all (command failed to start, timed out, or failed without output). */
    static final class HostFailure extends Exception {
        HostFailure(String message) {
            super(message);
        }
    }

    private final NvsmiSettings settings;
    private final NvsmiHost host;
    private String refusedField;

    NvsmiCommand(NvsmiSettings settings, NvsmiHost host) {
        this.settings = settings;
        this.host = host;
    }

    /** The argv that runs nvidia-smi with {@code args} on this host. */
    List<String> argv(List<String> args) {
        List<String> argv = new ArrayList<>();
        if (!host.isLocal()) {
            for (String token : settings.commandTemplate()) {
                argv.add(token.replace("{host}", host.name()));
            }
        }
        argv.add(settings.nvidiaSmi());
        argv.addAll(args);
        return argv;
    }

    /** The query fields this host's driver supports, from {@code --help-query-gpu}; the baseline when unreadable. */
    List<String> supportedFields() throws HostFailure, InterruptedException {
        ProcessResult r = run(List.of("--help-query-gpu"));
        Set<String> supported = new LinkedHashSet<>();
        if (r.exitCode() == 0) {
            for (String line : r.stdout().split("\\R")) {
                if (line.startsWith("\"")) {
                    Matcher m = QUOTED_FIELD.matcher(line);
                    while (m.find()) {
                        supported.add(m.group(1));
                    }
                }
            }
        } else if (r.stdout().isBlank() && r.stderr().isBlank()) {
            throw new HostFailure("nvidia-smi --help-query-gpu failed (exit " + r.exitCode() + ")");
        } else if (isUnreachable(r)) {
            throw new HostFailure(describe(r));
        }
        return NvsmiField.queryNames(supported);
    }

    /** {@code --query-gpu} with the given fields. */
    NvsmiOutput queryGpus(List<String> fields) throws HostFailure, InterruptedException {
        refusedField = null;
        ProcessResult r = run(List.of("--query-gpu=" + String.join(",", fields), "--format=csv,noheader,nounits"));
        NvsmiOutput out = NvsmiOutput.parse(r.stdout() + "\n" + r.stderr(), fields, Optional.empty());
        if (r.exitCode() != 0 && out.rows().isEmpty() && out.driverFailure().isEmpty() && out.lost().isEmpty()) {
            Matcher m = REFUSED.matcher(r.stdout() + r.stderr());
            if (m.find() && fields.contains(m.group(1))) {
                refusedField = m.group(1);
                return out;
            }
            throw new HostFailure(describe(r));
        }
        if (out.rows().isEmpty() && out.driverFailure().isEmpty() && out.lost().isEmpty() && !out.garbage().isEmpty()) {
            throw new HostFailure("nvidia-smi printed something that is not its CSV: \"" + out.garbage().getFirst()
                    + "\"");
        }
        return out;
    }

    /** {@code --query-compute-apps}. */
    NvsmiOutput queryApps() throws HostFailure, InterruptedException {
        ProcessResult r = run(List.of("--query-compute-apps=" + String.join(",", NvsmiProvider.APPS_FIELDS),
                "--format=csv,noheader,nounits"));
        if (r.exitCode() != 0) {
            throw new HostFailure(describe(r));
        }
        return NvsmiOutput.parse(r.stdout(), NvsmiProvider.APPS_FIELDS, Optional.of("process_name"));
    }

    /**
     * {@code -q -x}: the GPUs and their processes in one command. Driver messages around the XML (a lost GPU, a
     * failed driver) are read as in the CSV path; the rows come from the XML.
     */
    NvsmiOutput queryXml(java.util.Map<String, java.util.List<GpuProcess>> processes)
            throws HostFailure, InterruptedException {
        ProcessResult r = run(List.of("-q", "-x"));
        String out = r.stdout();
        int start = out.indexOf("<?xml");
        if (start < 0) {
            start = out.indexOf("<nvidia_smi_log");
        }
        String messages = (start < 0 ? out : out.substring(0, start)) + "\n" + r.stderr();
        NvsmiOutput notes = NvsmiOutput.parse(messages, List.of("message"), Optional.empty());
        if (start < 0) {
            if (notes.driverFailure().isPresent() || !notes.lost().isEmpty()) {
                return new NvsmiOutput(List.of(), notes.lost(), notes.driverFailure(), List.of());
            }
            throw new HostFailure(r.exitCode() != 0 ? describe(r)
                    : "nvidia-smi -q -x printed no XML: \"" + r.firstMessageLine() + "\"");
        }
        try {
            NvsmiXml xml = NvsmiXml.parse(out.substring(start));
            processes.putAll(xml.processes());
            return new NvsmiOutput(xml.rows(), notes.lost(), notes.driverFailure(), List.of());
        } catch (IllegalArgumentException e) {
            throw new HostFailure("nvidia-smi -q -x: " + e.getMessage());
        }
    }

    Optional<String> lastRefusedField() {
        return Optional.ofNullable(refusedField);
    }

    private ProcessResult run(List<String> args) throws HostFailure, InterruptedException {
        try {
            return ProcessRunner.run(argv(args), settings.commandTimeout());
        } catch (ProcessRunner.Failure e) {
            throw new HostFailure(e.getMessage());
        }
    }

    /** ssh exits 255 when it cannot connect or authenticate. */
    private boolean isUnreachable(ProcessResult r) {
        return !host.isLocal() && r.exitCode() == 255;
    }

    private static String describe(ProcessResult r) {
        return r.firstMessageLine() + " (exit " + r.exitCode() + ")";
    }
}
