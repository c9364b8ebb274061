package dev.fleetdeck.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the many names of one GPU model ("NVIDIA H100 80GB HBM3", "H100 SXM5 80GB", "gpu_8x_h100_sxm5") into one
 * model key ({@code H100}) so capacity adds up across sources. The table is ordered: the first pattern that matches
 * wins, so longer names come before their prefixes (H200 before H20, L40S before L40 before L4). To add a model,
 * add a line.
 */
public final class GpuModels {
    private record Rule(Pattern pattern, String key) {
    }

    private static final List<Rule> RULES = List.of(
            rule("gb300", "GB300"), rule("gb200", "GB200"), rule("b300", "B300"), rule("b200", "B200"),
            rule("gh200", "GH200"), rule("h200", "H200"), rule("h100", "H100"), rule("h800", "H800"),
            rule("h20", "H20"), rule("a100", "A100"), rule("a800", "A800"), rule("a10g", "A10G"),
            rule("a40", "A40"), rule("a30", "A30"), rule("a16", "A16"), rule("a10", "A10"),
            rule("l40s", "L40S"), rule("l40", "L40"), rule("l4", "L4"), rule("t4", "T4"),
            rule("v100", "V100"), rule("p100", "P100"), rule("mi300x", "MI300X"), rule("mi250x", "MI250X"),
            rule("rtx ?pro ?6000", "RTXPRO6000"), rule("rtx ?6000 ?ada", "RTX6000ADA"), rule("rtx ?a6000", "RTXA6000"),
            rule("rtx ?a5000", "RTXA5000"), rule("rtx ?a4000", "RTXA4000"),
            // Lambda writes "A6000 (48 GB)" where RunPod and Vast write "RTX A6000": the same card.
            rule("a6000", "RTXA6000"), rule("a5000", "RTXA5000"), rule("a4000", "RTXA4000"), rule("rtx ?4000 ?sff ?ada", "RTX4000ADA"),
            rule("rtx ?5090", "RTX5090"), rule("rtx ?4090", "RTX4090"), rule("rtx ?3090", "RTX3090"));

    /** The key of a GPU whose product name is not known. */
    public static final String UNKNOWN = "unknown";

    /** A vGPU profile after the product: "H100-20C", "A100X-40C", "GRID A100-4Q" (the number is its GB). */
    private static final Pattern VGPU = Pattern.compile("[a-z0-9]-(\\d{1,3})([abcq])(?![a-z0-9])");
    private static final Pattern TI = Pattern.compile("(?<![a-z0-9])ti(?![a-z0-9])");
    private static final Pattern SUPER = Pattern.compile("(?<![a-z0-9])super(?![a-z0-9])");
    /** "H100 NVL", "H200 NVL" are other products; "GB200 NVL72" is a rack of GB200s (a digit follows). */
    private static final Pattern NVL = Pattern.compile("(?<![a-z0-9])nvl(?![0-9])");
    private static final Pattern MAX_Q = Pattern.compile("max[ -]?q(?![a-z0-9])");
    private static final Pattern PCIE = Pattern.compile("pcie|pci-e|(?<![a-z0-9])pci(?![a-z0-9])");
    /** Models sold both as SXM and PCIe cards, at different prices: the PCIe card keeps its own key. */
    private static final java.util.Set<String> FORM_FACTORS = java.util.Set.of("H100", "A100", "V100", "H800", "A800",
            "P100");

    private GpuModels() {
    }

    private static Rule rule(String regex, String key) {
        return new Rule(Pattern.compile("(?<![a-z0-9])" + regex.replace(" ?", "[ _-]?") + "(?![0-9])"), key);
    }

    /**
     * The model key for a product name; names not in the table are cleaned up ("GeForce RTX 2080 SUPER" →
     * "RTX2080SUPER"). A suffix that names another product keeps it apart: Ti, SUPER, NVL, Max-Q, PCIe (for models
     * also sold as SXM) and vGPU profiles ("H100-20C" is a 20 GB slice of an H100, not an H100).
     */
    public static String normalize(String productName) {
        String name = productName.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        for (Rule r : RULES) {
            java.util.regex.Matcher m = r.pattern().matcher(name);
            if (m.find()) {
                return r.key() + suffix(r.key(), name, m.end());
            }
        }
        String product = productName.strip();
        String profile = "";
        java.util.regex.Matcher vgpu = VGPU.matcher(name);
        if (vgpu.find()) { // "GRID P4-1Q": a 1 GB slice of a P4
            profile = "-" + vgpu.group(1) + vgpu.group(2).toUpperCase(Locale.ROOT);
            product = product.substring(0, vgpu.start() + 1);
        }
        String cleaned = product.replaceAll("(?i)\\b(nvidia|geforce|tesla|quadro|grid)\\b", "")
                .replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return cleaned.isEmpty() ? UNKNOWN : cleaned + profile;
    }

    private static String suffix(String key, String name, int from) {
        String rest = name.substring(from);
        java.util.regex.Matcher vgpu = VGPU.matcher(name.substring(Math.max(0, from - 1)));
        if (vgpu.find()) {
            return "-" + vgpu.group(1) + vgpu.group(2).toUpperCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder();
        if (TI.matcher(rest).find()) {
            out.append("TI");
        }
        if (SUPER.matcher(rest).find()) {
            out.append("SUPER");
        }
        if (NVL.matcher(rest).find()) {
            out.append("NVL");
        } else if (FORM_FACTORS.contains(key) && PCIE.matcher(rest).find()) {
            out.append("PCIE");
        }
        if (MAX_Q.matcher(rest).find()) {
            out.append("MAXQ");
        }
        return out.toString();
    }

    /** The product family of a key: "H100" for "H100NVL", "H100PCIE" and "H100-20C" (for limits and colours). */
    public static String family(String key) {
        int dash = key.indexOf('-');
        String base = dash > 0 ? key.substring(0, dash) : key;
        for (String suffix : new String[] {"MAXQ", "NVL", "PCIE", "SUPER", "TI"}) {
            if (base.endsWith(suffix) && base.length() > suffix.length()) {
                base = base.substring(0, base.length() - suffix.length());
            }
        }
        return base;
    }
}
