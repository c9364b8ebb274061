package dev.fleetdeck.provider.nvsmi;

import dev.fleetdeck.model.Redaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One host to read: its name (as ssh knows it, or {@code local} for this machine) and optional labels, written
 * {@code gpu-01 region=us-east-1 rack=r12}. A name may not start with "-" (it would be read as an ssh option).
 *
 * @param name   the host name
 * @param region its region label, if given
 * @param labels every label
 */
record NvsmiHost(String name, Optional<String> region, Map<String, String> labels) {
    /** The name that means "run nvidia-smi on this machine". */
    static final String LOCAL = "local";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@\\[\\]:%][A-Za-z0-9_.@\\[\\]:%-]{0,252}");
    private static final Pattern LABEL = Pattern.compile("([A-Za-z][A-Za-z0-9_.-]{0,62})=(\\S{1,200})");

    /**
     * Parses one line of a host list; blank lines and {@code #} comments give empty.
     *
     * @throws IllegalArgumentException with a message that says what is wrong
     */
    static Optional<NvsmiHost> parse(String line) {
        String text = line;
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(0, hash);
        }
        text = text.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = text.split("\\s+");
        if (!NAME.matcher(parts[0]).matches()) {
            throw new IllegalArgumentException(Redaction.quote(parts[0]) + " is not a host name");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            var m = LABEL.matcher(parts[i]);
            if (!m.matches()) {
                throw new IllegalArgumentException(Redaction.quote(parts[i]) + " is not a label: write key=value");
            }
            labels.put(m.group(1), m.group(2));
        }
        return Optional.of(new NvsmiHost(parts[0], Optional.ofNullable(labels.get("region")), labels));
    }

    boolean isLocal() {
        return name.equals(LOCAL);
    }
}
