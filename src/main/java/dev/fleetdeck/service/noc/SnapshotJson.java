package dev.fleetdeck.service.noc;

import dev.fleetdeck.model.Capacity;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.FleetTotals;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuProcess;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.ThrottleReason;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.util.List;

/**
 * Writes a {@link FleetSnapshot} as JSON with a stable, versioned schema ({@value #SCHEMA}). Absent metrics are
 * {@code null}, never 0; property names do not change without a new schema version.
 */
public final class SnapshotJson {
    static final String SCHEMA = "fleetdeck.snapshot/v1";
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SnapshotJson() {
    }

    /** Writes the snapshot; with {@code includeNodes} false only totals, capacity and providers. */
    public static void write(FleetSnapshot snap, String source, boolean includeNodes, OutputStream out) {
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("schema", SCHEMA);
            g.writeStringProperty("source", source);
            g.writeNumberProperty("sequence", snap.sequence());
            g.writeStringProperty("takenAt", snap.takenAt().toString());
            totals(g, snap.totals());
            g.writeArrayPropertyStart("providers");
            for (ProviderStatus p : snap.providers()) {
                provider(g, p, snap);
            }
            g.writeEndArray();
            g.writeObjectPropertyStart("capacity");
            capacityList(g, "byModel", snap.byModel());
            capacityList(g, "byRegion", snap.byRegion());
            capacityList(g, "detailed", snap.detailed());
            g.writeEndObject();
            g.writeArrayPropertyStart("market");
            for (Offer o : snap.market()) {
                offer(g, o);
            }
            g.writeEndArray();
            if (includeNodes) {
                g.writeArrayPropertyStart("nodes");
                for (Node n : snap.nodes()) {
                    node(g, n);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    private static void offer(JsonGenerator g, Offer o) {
        g.writeStartObject();
        g.writeStringProperty("provider", o.provider());
        g.writeStringProperty("model", o.model());
        g.writeStringProperty("gpuName", o.gpuName());
        g.writeStringProperty("instanceType", o.instanceType());
        g.writeNumberProperty("gpusPerInstance", o.gpusPerInstance());
        g.writeStringProperty("region", o.region());
        if (o.hasCount()) {
            g.writeNumberProperty("stockGpus", o.stockGpus());
        } else {
            g.writeNullProperty("stockGpus");
        }
        g.writeStringProperty("stockLevel", o.level().name().toLowerCase(java.util.Locale.ROOT));
        metric(g, "pricePerGpuHour", o.pricePerGpuHour());
        g.writeStringProperty("kind", o.kind().label());
        g.writeEndObject();
    }

    private static void totals(JsonGenerator g, FleetTotals t) {
        g.writeObjectPropertyStart("totals");
        g.writeNumberProperty("nodes", t.nodes());
        counts(g, t.capacity());
        g.writeNumberProperty("allocationPct", round(t.capacity().allocationPct(), 2));
        metric(g, "avgUtilizationPct", round(t.avgUtilizationPct(), 2));
        metric(g, "powerKw", round(t.powerKw(), 3));
        g.writeNumberProperty("unhealthyGpus", t.unhealthyGpus());
        g.writeNumberProperty("criticalGpus", t.criticalGpus());
        if (t.hottest().isPresent()) {
            var h = t.hottest().get();
            g.writeObjectPropertyStart("hottestGpu");
            g.writeStringProperty("provider", h.provider());
            g.writeStringProperty("hostname", h.hostname());
            g.writeNumberProperty("index", h.index());
            g.writeNumberProperty("temperatureC", h.value());
            g.writeEndObject();
        } else {
            g.writeNullProperty("hottestGpu");
        }
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, Capacity c) {
        g.writeNumberProperty("gpus", c.total());
        g.writeNumberProperty("rented", c.rented());
        g.writeNumberProperty("reserved", c.reserved());
        g.writeNumberProperty("free", c.free());
        g.writeNumberProperty("unavailable", c.unavailable());
        g.writeNumberProperty("sellable", c.sellable());
    }

    private static void provider(JsonGenerator g, ProviderStatus p, FleetSnapshot snap) {
        g.writeStartObject();
        g.writeStringProperty("name", p.name());
        g.writeStringProperty("type", p.type());
        g.writeStringProperty("state", p.state().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringProperty("lastSuccess", p.lastSuccess().map(Object::toString).orElse(null));
        g.writeStringProperty("lastError", p.lastError().orElse(null));
        var age = p.dataAge(snap.takenAt());
        if (age.isPresent()) {
            g.writeNumberProperty("dataAgeSeconds", age.get().toMillis() / 1000.0);
        } else {
            g.writeNullProperty("dataAgeSeconds");
        }
        g.writeNumberProperty("consecutiveFailures", p.consecutiveFailures());
        g.writeNumberProperty("nodes", p.nodes());
        g.writeNumberProperty("lastPollMillis", p.lastPollDuration().toMillis());
        g.writeStringProperty("nextAttempt", p.nextAttempt().map(Object::toString).orElse(null));
        g.writeArrayPropertyStart("notices");
        for (String notice : p.notices()) {
            g.writeString(notice);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void capacityList(JsonGenerator g, String name, List<Capacity> list) {
        g.writeArrayPropertyStart(name);
        for (Capacity c : list) {
            g.writeStartObject();
            g.writeStringProperty("gpuModel", c.gpuModel());
            g.writeStringProperty("region", c.region());
            g.writeStringProperty("provider", c.provider());
            counts(g, c);
            metric(g, "pricePerGpuHour", c.pricePerGpuHour());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void node(JsonGenerator g, Node n) {
        g.writeStartObject();
        g.writeStringProperty("hostname", n.hostname());
        g.writeStringProperty("provider", n.provider());
        g.writeStringProperty("region", n.region());
        g.writeStringProperty("gpuModel", n.gpuModel());
        g.writeStringProperty("state", n.state().label());
        g.writeStringProperty("tenant", n.tenant().orElse(null));
        metric(g, "pricePerGpuHour", n.pricePerGpuHour());
        g.writeStringProperty("driverVersion", n.driverVersion().isEmpty() ? null : n.driverVersion());
        g.writeStringProperty("cudaVersion", n.cudaVersion().isEmpty() ? null : n.cudaVersion());
        g.writeNumberProperty("expectedGpus", n.expectedGpus());
        g.writeStringProperty("health", n.health().label());
        reasons(g, n.healthReasons());
        g.writeArrayPropertyStart("gpus");
        for (Gpu gpu : n.gpus()) {
            gpu(g, gpu);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void gpu(JsonGenerator g, Gpu gpu) {
        g.writeStartObject();
        g.writeNumberProperty("index", gpu.index());
        g.writeStringProperty("uuid", gpu.uuid().isEmpty() ? null : gpu.uuid());
        g.writeStringProperty("model", gpu.model());
        metric(g, "utilizationPct", gpu.utilizationPct());
        metric(g, "memoryUsedMiB", gpu.memoryUsedMiB());
        metric(g, "memoryTotalMiB", gpu.memoryTotalMiB());
        metric(g, "temperatureC", gpu.temperatureC());
        metric(g, "memoryTemperatureC", gpu.memoryTemperatureC());
        metric(g, "powerW", gpu.powerW());
        metric(g, "powerLimitW", gpu.powerLimitW());
        metric(g, "smClockMHz", gpu.smClockMHz());
        metric(g, "eccCorrected", gpu.eccCorrected());
        metric(g, "eccUncorrected", gpu.eccUncorrected());
        if (gpu.lastXid() != 0) {
            g.writeNumberProperty("lastXid", gpu.lastXid());
        } else {
            g.writeNullProperty("lastXid");
        }
        g.writeArrayPropertyStart("throttleReasons");
        for (ThrottleReason r : gpu.throttleReasons().stream().sorted().toList()) {
            g.writeString(r.label());
        }
        g.writeEndArray();
        g.writeStringProperty("migProfile", gpu.migProfile().isEmpty() ? null : gpu.migProfile());
        g.writeStringProperty("health", gpu.health().label());
        reasons(g, gpu.healthReasons());
        g.writeArrayPropertyStart("processes");
        for (GpuProcess p : gpu.processes()) {
            g.writeStartObject();
            g.writeNumberProperty("pid", p.pid());
            g.writeStringProperty("name", p.name());
            metric(g, "usedMemoryMiB", p.usedMemoryMiB());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void reasons(JsonGenerator g, List<HealthReason> reasons) {
        g.writeArrayPropertyStart("healthReasons");
        for (HealthReason r : reasons) {
            g.writeStartObject();
            g.writeStringProperty("severity", r.severity().label());
            g.writeStringProperty("code", r.code());
            g.writeStringProperty("message", r.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void metric(JsonGenerator g, String name, double value) {
        if (Metrics.isPresent(value) && Double.isFinite(value)) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                g.writeNumberProperty(name, (long) value);
            } else {
                g.writeNumberProperty(name, value);
            }
        } else {
            g.writeNullProperty(name);
        }
    }

    private static double round(double v, int decimals) {
        if (!Metrics.isPresent(v)) {
            return v;
        }
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
