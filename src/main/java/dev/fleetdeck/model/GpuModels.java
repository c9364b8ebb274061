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

    private GpuModels() {
    }

    private static Rule rule(String regex, String key) {
        return new Rule(Pattern.compile("(?<![a-z0-9])" + regex.replace(" ?", "[ _-]?") + "(?![0-9])"), key);
    }

    /** The model key for a product name; names not in the table are cleaned up ("GeForce RTX 2080 SUPER" → "RTX2080SUPER"). */
    public static String normalize(String productName) {
        String name = productName.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        for (Rule r : RULES) {
            if (r.pattern().matcher(name).find()) {
                return r.key();
            }
        }
        String cleaned = productName.strip().replaceAll("(?i)\\b(nvidia|geforce|tesla|quadro)\\b", "")
                .replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return cleaned.isEmpty() ? "unknown" : cleaned;
    }
}
