package dev.fleetdeck.ui.detail;


import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.TemperatureLimits;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.history.GpuMetric;
import dev.fleetdeck.ui.common.chart.TimeChart;

import java.util.List;

/** The limits the node detail's charts draw: the same TemperatureLimits the health verdict uses, and power limits. */
final class NodeLimits {
    private NodeLimits() {
    }

    /** What the node's GPUs may not cross: the model's temperature limits, the highest power limit. */
    static List<TimeChart.Threshold> of(Node node, GpuMetric metric) {
        if (node == null) {
            return List.of();
        }
        return switch (metric) {
            case TEMPERATURE_C -> {
                TemperatureLimits t = TemperatureLimits.of(node.gpuModel());
                yield List.of(new TimeChart.Threshold(t.gpuWarnC(), Health.WARN,
                                "warn " + Units.celsius(t.gpuWarnC())),
                        new TimeChart.Threshold(t.gpuCritC(), Health.CRIT, "critical "
                                + Units.celsius(t.gpuCritC())));
            }
            case POWER_W -> {
                double max = node.gpus().stream().mapToDouble(Gpu::powerLimitW).filter(Metrics::isPresent).max()
                        .orElse(Double.NaN);
                yield Double.isNaN(max) ? List.of() : List.of(new TimeChart.Threshold(max, Health.WARN,
                        "power limit " + Units.watts(max)));
            }
            default -> List.of();
        };
    }

}
