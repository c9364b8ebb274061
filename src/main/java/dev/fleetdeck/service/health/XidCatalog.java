package dev.fleetdeck.service.health;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one XID catalogue: what the common NVIDIA XID error codes mean and what to do about them, from NVIDIA's public
 * Xid catalogue for Ampere and newer GPUs (docs.nvidia.com/deploy/xid-errors, "Analyzing Xid Errors with the Xid
 * Catalog": each code's description and its resolution buckets, immediate and investigatory), and which codes are
 * serious. Health rules, event messages, alerts and views all ask here. Any thread.
 */
public final class XidCatalog {
    /** What NVIDIA says about one XID: its description, what to do now, and what to look into after. */
    public record Advice(int xid, String description, String now, String then) {
        /** "reset the GPU; then: contact the vendor if it recurs" — one line for a reason or a notification. */
        public String action() {
            return then.isEmpty() || then.equals(now) ? now : now + "; then " + then;
        }
    }

    /** The classes DESIGN.md lists as serious: the GPU or its memory needs attention. */
    private static final Set<Integer> SERIOUS = Set.of(48, 62, 64, 74, 79, 95, 119, 120);

    // NVIDIA's resolution buckets in words an operator acts on.
    private static final String RESTART_APP = "restart the application";
    private static final String RESET_GPU = "drain and reset the GPU";
    private static final String REBOOT = "drain the node and reboot it";
    private static final String NOTHING = "no action needed";
    private static final String VENDOR = "contact the hardware vendor if it recurs";
    private static final String CHECK_APP = "check the application and its CUDA version";
    private static final String DEBUG_APP = "debug the application (compute-sanitizer memcheck, cuda-gdb)";
    private static final String SOFTWARE = "look into the driver and firmware versions";
    private static final String RMA = "reset the GPU or reboot the node; if uncorrectable errors recur, RMA the GPU";
    private static final String NVLINK = "reset the GPU or reboot the node; check the link with nvidia-smi nvlink";
    private static final String FOLLOW_OTHER = "follow the XID logged with it";

    private static final Map<Integer, Advice> CATALOGUE = Map.ofEntries(
            advice(8, "GPU stopped processing", RESTART_APP, VENDOR),
            advice(11, "invalid or corrupted push buffer stream", RESTART_APP, CHECK_APP),
            advice(13, "graphics engine exception", RESTART_APP, DEBUG_APP),
            advice(31, "GPU memory page fault", RESTART_APP, DEBUG_APP),
            advice(32, "invalid or corrupted push buffer stream (PCIe)", RESTART_APP, CHECK_APP),
            advice(38, "driver firmware error", NOTHING, VENDOR),
            advice(43, "GPU stopped processing (application fault)", NOTHING, VENDOR),
            advice(44, "graphics engine fault during context switch", NOTHING, VENDOR),
            advice(45, "preemptive cleanup", FOLLOW_OTHER, FOLLOW_OTHER),
            advice(46, "GPU stopped processing", RESET_GPU, VENDOR),
            advice(48, "double-bit ECC error", RMA, RMA),
            advice(54, "auxiliary power is not connected to the GPU board", "check the power cabling", VENDOR),
            advice(61, "internal micro-controller breakpoint", VENDOR, VENDOR),
            advice(62, "internal micro-controller halt", RESET_GPU, VENDOR),
            advice(63, "ECC page retirement or row remapping event", NOTHING, NOTHING),
            advice(64, "ECC page retirement or row remapping failure", RESET_GPU, VENDOR),
            advice(68, "NVDEC0 exception", RESTART_APP, VENDOR),
            advice(69, "graphics engine class error", RESTART_APP, CHECK_APP),
            advice(74, "NVLink error", NVLINK, VENDOR),
            advice(79, "GPU has fallen off the bus", REBOOT, VENDOR),
            advice(80, "corrupted data sent to the GPU", RESTART_APP, CHECK_APP),
            advice(92, "high single-bit ECC error rate", NOTHING, VENDOR),
            advice(94, "contained ECC error", RESTART_APP + "; reset the GPU when convenient", NOTHING),
            advice(95, "uncontained ECC error", RESET_GPU, NOTHING),
            advice(109, "context switch timeout", RESET_GPU, VENDOR),
            advice(110, "security fault", RESET_GPU + " (cold reset)", SOFTWARE),
            advice(119, "GSP RPC timeout", RESET_GPU, SOFTWARE),
            advice(120, "GSP error", RESET_GPU, SOFTWARE),
            advice(121, "corrected C2C NVLink errors", NOTHING + " (reset in a service window)", VENDOR),
            advice(136, "link training failed", RESET_GPU, VENDOR),
            advice(137, "NVLink privilege error", NOTHING, DEBUG_APP),
            advice(140, "unrecovered ECC error", RESET_GPU, VENDOR),
            advice(143, "GPU initialization error", RESET_GPU, VENDOR),
            advice(154, "GPU recovery action changed", FOLLOW_OTHER, FOLLOW_OTHER),
            advice(155, "NVLink software-defined error (link down)", RESET_GPU, SOFTWARE),
            advice(156, "resource retirement event", RESET_GPU, NOTHING),
            advice(157, "resource retirement failure", NOTHING, VENDOR),
            advice(158, "GPU fatal timeout", RESET_GPU, VENDOR));

    private XidCatalog() {
    }

    private static Map.Entry<Integer, Advice> advice(int xid, String description, String now, String then) {
        return Map.entry(xid, new Advice(xid, description, now, then));
    }

    /** Whether an XID class means the GPU or its job is in trouble (critical health). */
    public static boolean isSerious(int xid) {
        return SERIOUS.contains(xid);
    }

    /** NVIDIA's short description of an XID class, when the catalogue has it. */
    public static Optional<String> describe(int xid) {
        return advice(xid).map(Advice::description);
    }

    /**
     * NVIDIA's immediate action for every XID a node's GPUs report, in one line ("XID 79: drain the node and reboot
     * it; XID 48: …"), or empty when none is in the catalogue.
     */
    public static Optional<String> immediateActions(dev.fleetdeck.model.Node node) {
        return node.gpus().stream().filter(g -> g.lastXid() != 0).map(g -> g.lastXid()).distinct()
                .map(XidCatalog::advice).flatMap(Optional::stream).map(x -> "XID " + x.xid() + ": " + x.now())
                .reduce((a, b) -> a + "; " + b);
    }

    /** What NVIDIA's catalogue says to do about an XID, when it has the code. */
    public static Optional<Advice> advice(int xid) {
        return Optional.ofNullable(CATALOGUE.get(xid));
    }
}
