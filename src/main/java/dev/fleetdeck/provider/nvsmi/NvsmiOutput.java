package dev.fleetdeck.provider.nvsmi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one run of {@code nvidia-smi --query-…} printed, split into CSV rows and the driver's own messages: a GPU that
 * is lost ("Unable to determine the device handle for GPU 0000:3B:00.0: GPU is lost") is a health event, not a parse
 * error; "NVIDIA-SMI has failed …" means the driver is not working on that node. Windows line endings, a header
 * line with units ({@code --format=csv}) or none ({@code noheader,nounits}) are all read.
 *
 * @param rows          one map per CSV row: column name (without unit) → raw value
 * @param lost          GPUs the driver reported as lost: PCI bus id → the driver's words
 * @param driverFailure the driver's failure message, when it failed as a whole
 * @param garbage       lines that were neither CSV nor a known driver message (at most a few kept)
 */
record NvsmiOutput(List<Map<String, String>> rows, Map<String, String> lost, Optional<String> driverFailure,
                   List<String> garbage) {
    private static final Pattern LOST = Pattern.compile(
            "Unable to determine the device handle for (?:GPU)?\\s*([0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\\.[0-9A-Fa-f])\\s*:\\s*(.*)");
    private static final int MAX_GARBAGE = 5;

    /**
     * Parses output.
     *
     * @param text      stdout (and stderr, which the driver also uses for messages)
     * @param columns   the fields asked for, in order; empty when the first line is a header
     * @param freeText  the column that may itself contain ", " (a process name); extra fields are joined into it
     */
    static NvsmiOutput parse(String text, List<String> columns, Optional<String> freeText) {
        List<Map<String, String>> rows = new ArrayList<>();
        Map<String, String> lost = new HashMap<>();
        List<String> garbage = new ArrayList<>();
        String failure = null;
        List<String> cols = columns;
        for (String rawLine : text.split("\r?\n|\r")) {
            String line = rawLine.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LOST.matcher(line);
            if (m.find()) {
                lost.put(normaliseBusId(m.group(1)), m.group(2).strip());
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.contains("nvidia-smi has failed") || lower.contains("couldn't communicate with the nvidia driver")
                    || lower.startsWith("failed to initialize nvml")) {
                failure = failure == null ? line : failure;
                continue;
            }
            if (lower.equals("no devices were found")) {
                continue;
            }
            if (cols.isEmpty()) {
                cols = header(line);
                continue;
            }
            String[] parts = line.split(",", -1);
            if (parts.length == cols.size()) {
                rows.add(row(cols, parts));
            } else if (parts.length > cols.size() && freeText.isPresent() && cols.contains(freeText.get())) {
                rows.add(row(cols, joinFreeText(parts, cols.size(), cols.indexOf(freeText.get()))));
            } else if (garbage.size() < MAX_GARBAGE) {
                garbage.add(line.length() > 160 ? line.substring(0, 159) + "…" : line);
            }
        }
        return new NvsmiOutput(rows, lost, Optional.ofNullable(failure), garbage);
    }

    private static List<String> header(String line) {
        List<String> out = new ArrayList<>();
        for (String h : line.split(",", -1)) {
            String name = h.strip();
            int unit = name.indexOf(" [");
            out.add((unit >= 0 ? name.substring(0, unit) : name).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static Map<String, String> row(List<String> cols, String[] parts) {
        Map<String, String> row = new HashMap<>(cols.size() * 2);
        for (int i = 0; i < cols.size(); i++) {
            row.put(cols.get(i), parts[i].strip());
        }
        return row;
    }

    private static String[] joinFreeText(String[] parts, int expected, int at) {
        int extra = parts.length - expected;
        String[] out = new String[expected];
        for (int i = 0, j = 0; i < expected; i++) {
            if (i == at) {
                StringBuilder b = new StringBuilder(parts[j++]);
                for (int k = 0; k < extra; k++) {
                    b.append(',').append(parts[j++]);
                }
                out[i] = b.toString();
            } else {
                out[i] = parts[j++];
            }
        }
        return out;
    }

    /** "00000000:3B:00.0" and "0000:3b:00.0" name the same device. */
    static String normaliseBusId(String busId) {
        String b = busId.strip().toUpperCase(Locale.ROOT);
        int colon = b.indexOf(':');
        if (colon > 4) {
            b = b.substring(colon - 4);
        }
        return b;
    }
}
