package dev.fleetdeck.ui.fleet;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.ui.common.NodeKey;

import java.util.List;

/**
 * One row of the fleet table: a node (with its GPUs rolled up) or, under an expanded node, one of its GPUs. The
 * numbers are kept raw for sorting; cells format only what is on screen.
 *
 * @param key       stable identity across snapshots: {@code provider/host} for a node, plus {@code #index} for a GPU
 * @param node      the node (for a GPU row, its node)
 * @param gpu       the GPU of a GPU row; null on a node row
 * @param expanded  on a node row: whether its GPUs are listed below it
 * @param util      utilisation, % (node: mean of its GPUs)
 * @param memoryPct memory in use, % (node: of all its GPUs' memory)
 * @param tempC     temperature, °C (node: hottest GPU)
 * @param powerW    power, W (node: sum)
 * @param health    health of the node or GPU
 * @param ageMs     age of the data, ms; -1 when the provider never answered
 */
public record FleetRow(String key, Node node, Gpu gpu, boolean expanded, double util, double memoryPct, double tempC,
                       double powerW, Health health, long ageMs) {

    /** Whether this is a GPU row under its node. */
    public boolean isGpu() {
        return gpu != null;
    }

    /** The first health reason, or empty when healthy. */
    public String reason() {
        List<HealthReason> reasons = gpu != null ? gpu.healthReasons() : node.healthReasons();
        if (reasons.isEmpty() && gpu == null) {
            for (Gpu g : node.gpus()) {
                if (!g.healthReasons().isEmpty()) {
                    return g.healthReasons().getFirst().message();
                }
            }
        }
        return reasons.isEmpty() ? "" : reasons.getFirst().message();
    }

    /** Key of a node row. */
    public static String nodeKey(String provider, String hostname) {
        return NodeKey.of(provider, hostname);
    }

    /** Key of a GPU row. */
    public static String gpuKey(String provider, String hostname, int index) {
        return nodeKey(provider, hostname) + "#" + index;
    }
}
