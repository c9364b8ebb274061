package dev.fleetdeck.service.health;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one XID catalogue: short descriptions of common NVIDIA XID error codes (from NVIDIA's XID catalogue), and which
 * are serious. Health rules, event messages and views all ask here.
 */
public final class XidCatalog {
    /** The classes DESIGN.md lists as serious: the GPU or its memory needs attention. */
    private static final Set<Integer> SERIOUS = Set.of(48, 62, 64, 74, 79, 95, 119, 120);
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(13, "graphics engine exception"),
            Map.entry(31, "GPU memory page fault"),
            Map.entry(43, "GPU stopped processing"),
            Map.entry(45, "preemptive cleanup"),
            Map.entry(48, "double-bit ECC error"),
            Map.entry(61, "internal micro-controller breakpoint"),
            Map.entry(62, "internal micro-controller halt"),
            Map.entry(63, "ECC page retirement or row remapping event"),
            Map.entry(64, "ECC page retirement or row remapping failure"),
            Map.entry(74, "NVLink error"),
            Map.entry(79, "GPU has fallen off the bus"),
            Map.entry(92, "high single-bit ECC error rate"),
            Map.entry(94, "contained ECC error"),
            Map.entry(95, "uncontained ECC error"),
            Map.entry(119, "GSP RPC timeout"),
            Map.entry(120, "GSP error"));

    private XidCatalog() {
    }

    /** Whether an XID class means the GPU or its job is in trouble (critical health). */
    public static boolean isSerious(int xid) {
        return SERIOUS.contains(xid);
    }

    /** NVIDIA's short description of an XID class, when it is one of the common ones. */
    public static Optional<String> describe(int xid) {
        return Optional.ofNullable(NAMES.get(xid));
    }
}
