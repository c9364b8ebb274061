package dev.fleetdeck.provider.sim;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.ThrottleReason;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Writes nodes in dcgm-exporter's {@code /metrics} format: the same metric names, label set ({@code gpu},
 * {@code UUID}, {@code pci_bus_id}, {@code device}, {@code modelName}, {@code Hostname},
 * {@code DCGM_FI_DRIVER_VERSION}, and {@code container}/{@code namespace}/{@code pod} for GPUs in use) and HELP/TYPE
 * lines. Absent metrics are left out, as the exporter does.
 */
public final class DcgmExpositionWriter {
    private record Family(String name, String type, String help, ToDoubleFunction<Gpu> value) {
    }

    private static final long[] THROTTLE_BITS = {0x4, 0x8, 0x10, 0x20, 0x40, 0x80};
    private static final ThrottleReason[] THROTTLE = {ThrottleReason.SW_POWER_CAP, ThrottleReason.HW_SLOWDOWN,
            ThrottleReason.SYNC_BOOST, ThrottleReason.SW_THERMAL_SLOWDOWN, ThrottleReason.HW_THERMAL_SLOWDOWN,
            ThrottleReason.HW_POWER_BRAKE};

    private static final List<Family> FAMILIES = List.of(
            new Family("DCGM_FI_DEV_SM_CLOCK", "gauge", "SM clock frequency (in MHz).", Gpu::smClockMHz),
            new Family("DCGM_FI_DEV_MEMORY_TEMP", "gauge", "Memory temperature (in C).", Gpu::memoryTemperatureC),
            new Family("DCGM_FI_DEV_GPU_TEMP", "gauge", "GPU temperature (in C).", Gpu::temperatureC),
            new Family("DCGM_FI_DEV_POWER_USAGE", "gauge", "Power draw (in W).", Gpu::powerW),
            new Family("DCGM_FI_DEV_POWER_MGMT_LIMIT", "gauge", "Power management limit (in W).", Gpu::powerLimitW),
            new Family("DCGM_FI_DEV_GPU_UTIL", "gauge", "GPU utilization (in %).", Gpu::utilizationPct),
            new Family("DCGM_FI_DEV_FB_FREE", "gauge", "Framebuffer memory free (in MiB).",
                    g -> Metrics.isPresent(g.memoryTotalMiB()) && Metrics.isPresent(g.memoryUsedMiB())
                            ? g.memoryTotalMiB() - g.memoryUsedMiB() : Metrics.ABSENT),
            new Family("DCGM_FI_DEV_FB_USED", "gauge", "Framebuffer memory used (in MiB).", Gpu::memoryUsedMiB),
            new Family("DCGM_FI_DEV_XID_ERRORS", "gauge", "Value of the last XID error encountered.",
                    g -> g.lastXid()),
            new Family("DCGM_FI_DEV_ECC_SBE_VOL_TOTAL", "counter", "Total number of single-bit volatile ECC errors.",
                    Gpu::eccCorrected),
            new Family("DCGM_FI_DEV_ECC_DBE_VOL_TOTAL", "counter", "Total number of double-bit volatile ECC errors.",
                    Gpu::eccUncorrected),
            new Family("DCGM_FI_DEV_CLOCK_THROTTLE_REASONS", "gauge", "Current clock throttle reasons.",
                    DcgmExpositionWriter::throttleMask));

    private static final Map<String, String> PRODUCT_NAMES = Map.of(
            "H100", "NVIDIA H100 80GB HBM3", "H200", "NVIDIA H200", "B200", "NVIDIA B200",
            "A100", "NVIDIA A100-SXM4-80GB", "L40S", "NVIDIA L40S", "RTX4090", "NVIDIA GeForce RTX 4090");

    private DcgmExpositionWriter() {
    }

    /** The exposition of {@code nodes}, UTF-8. */
    public static byte[] write(List<Node> nodes) {
        StringBuilder out = new StringBuilder(nodes.size() * 8 * FAMILIES.size() * 260);
        String[][] labels = new String[nodes.size()][];
        for (Family f : FAMILIES) {
            out.append("# HELP ").append(f.name).append(' ').append(f.help).append('\n');
            out.append("# TYPE ").append(f.name).append(' ').append(f.type).append('\n');
            for (int n = 0; n < nodes.size(); n++) {
                Node node = nodes.get(n);
                if (labels[n] == null) {
                    labels[n] = labelSets(node);
                }
                List<Gpu> gpus = node.gpus();
                for (int i = 0; i < gpus.size(); i++) {
                    double v = f.value.applyAsDouble(gpus.get(i));
                    if (!Metrics.isPresent(v)) {
                        continue;
                    }
                    out.append(f.name).append(labels[n][i]).append(' ');
                    appendValue(out, v);
                    out.append('\n');
                }
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(out.length());
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String[] labelSets(Node node) {
        String[] sets = new String[node.gpus().size()];
        String workload = node.tenant().map(t -> ",container=\"main\",namespace=\"" + escape(t) + "\",pod=\""
                + escape(t) + "-" + escape(node.hostname()) + "\"").orElse("");
        for (int i = 0; i < sets.length; i++) {
            Gpu g = node.gpus().get(i);
            StringBuilder b = new StringBuilder(240);
            b.append("{gpu=\"").append(g.index()).append("\",UUID=\"").append(escape(g.uuid()))
                    .append("\",pci_bus_id=\"00000000:").append(String.format("%02X", 0x18 + g.index() * 0x11))
                    .append(":00.0\",device=\"nvidia").append(g.index()).append("\",modelName=\"")
                    .append(escape(PRODUCT_NAMES.getOrDefault(g.model(), "NVIDIA " + g.model())))
                    .append("\",Hostname=\"").append(escape(node.hostname()))
                    .append("\",DCGM_FI_DRIVER_VERSION=\"").append(escape(node.driverVersion())).append('"');
            if (node.state() == NodeState.RENTED) {
                b.append(workload);
            }
            sets[i] = b.append('}').toString();
        }
        return sets;
    }

    private static double throttleMask(Gpu g) {
        long mask = 0;
        for (int i = 0; i < THROTTLE.length; i++) {
            if (g.throttleReasons().contains(THROTTLE[i])) {
                mask |= THROTTLE_BITS[i];
            }
        }
        return mask;
    }

    private static void appendValue(StringBuilder out, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            out.append(v); // Double.toString round-trips and is valid exposition syntax (e.g. 67.433, 1.0E-5)
        }
    }

    /** Escapes a label value: backslash, double quote and newline. */
    static String escape(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
