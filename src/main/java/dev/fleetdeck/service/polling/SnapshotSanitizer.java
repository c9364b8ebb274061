package dev.fleetdeck.service.polling;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuProcess;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.model.SafeText;
import dev.fleetdeck.provider.ProviderSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every text of a provider's answer made safe before anything shows it: control characters, escape sequences and
 * bidi overrides escaped ({@link SafeText}), and every known secret removed ({@link Redaction}). Objects whose text is
 * clean (the usual case) are kept as they are, so a clean 100k-GPU answer costs one scan of its strings.
 *
 * <p>Threads: any (pure).
 */
public final class SnapshotSanitizer {
    private SnapshotSanitizer() {
    }

    /** The answer with every text escaped and scrubbed; the same object when it was clean. */
    public static ProviderSnapshot clean(ProviderSnapshot s) {
        boolean redact = Redaction.active();
        List<Node> nodes = each(s.nodes(), n -> clean(n, redact));
        List<String> warnings = each(s.warnings(), w -> text(w, redact));
        List<Offer> offers = each(s.offers(), o -> clean(o, redact));
        if (nodes == s.nodes() && warnings == s.warnings() && offers == s.offers()) {
            return s;
        }
        return new ProviderSnapshot(s.provider(), s.takenAt(), nodes, warnings, offers);
    }

    /** One text, cleaned; the same instance when there was nothing to do. */
    static String text(String t, boolean redact) {
        String safe = SafeText.of(t);
        return redact ? Redaction.scrub(safe) : safe;
    }

    /** The list with {@code clean} applied to each element; the same list when no element changed. */
    private static <T> List<T> each(List<T> in, UnaryOperator<T> clean) {
        List<T> out = null;
        for (int i = 0; i < in.size(); i++) {
            T before = in.get(i);
            T after = clean.apply(before);
            if (after != before && out == null) {
                out = new ArrayList<>(in.subList(0, i));
            }
            if (out != null) {
                out.add(after);
            }
        }
        return out == null ? in : out;
    }

    private static Node clean(Node n, boolean redact) {
        String host = text(n.hostname(), redact);
        String region = text(n.region(), redact);
        String model = text(n.gpuModel(), redact);
        Optional<String> tenant = n.tenant().map(t -> text(t, redact));
        String driver = text(n.driverVersion(), redact);
        String cuda = text(n.cudaVersion(), redact);
        List<HealthReason> reasons = reasons(n.healthReasons(), redact);
        List<Gpu> gpus = each(n.gpus(), g -> clean(g, redact));
        if (host == n.hostname() && region == n.region() && model == n.gpuModel()
                && tenant.equals(n.tenant()) && driver == n.driverVersion() && cuda == n.cudaVersion()
                && reasons == n.healthReasons() && gpus == n.gpus()) {
            return n;
        }
        return new Node(host, n.provider(), region, model, n.state(), tenant, n.pricePerGpuHour(), driver, cuda,
                n.expectedGpus(), gpus, n.health(), reasons, n.allocatedGpus());
    }

    private static Gpu clean(Gpu g, boolean redact) {
        String uuid = text(g.uuid(), redact);
        String model = text(g.model(), redact);
        String mig = text(g.migProfile(), redact);
        List<HealthReason> reasons = reasons(g.healthReasons(), redact);
        List<GpuProcess> processes = each(g.processes(), p -> {
            String name = text(p.name(), redact);
            return name == p.name() ? p : new GpuProcess(p.pid(), name, p.usedMemoryMiB(), p.type());
        });
        if (uuid == g.uuid() && model == g.model() && mig == g.migProfile() && reasons == g.healthReasons()
                && processes == g.processes()) {
            return g;
        }
        return new Gpu(g.index(), uuid, model, g.utilizationPct(), g.memoryUsedMiB(), g.memoryTotalMiB(),
                g.temperatureC(), g.memoryTemperatureC(), g.powerW(), g.powerLimitW(), g.smClockMHz(),
                g.eccCorrected(), g.eccUncorrected(), g.lastXid(), g.throttleReasons(), mig, g.health(), reasons,
                processes);
    }

    private static Offer clean(Offer o, boolean redact) {
        String model = text(o.model(), redact);
        String gpuName = text(o.gpuName(), redact);
        String type = text(o.instanceType(), redact);
        String region = text(o.region(), redact);
        if (model == o.model() && gpuName == o.gpuName() && type == o.instanceType() && region == o.region()) {
            return o;
        }
        return new Offer(o.provider(), model, gpuName, type, o.gpusPerInstance(), region, o.stockGpus(), o.level(),
                o.pricePerGpuHour(), o.kind());
    }

    private static List<HealthReason> reasons(List<HealthReason> in, boolean redact) {
        return each(in, r -> {
            String m = text(r.message(), redact);
            return m == r.message() ? r : new HealthReason(r.severity(), r.code(), m);
        });
    }
}
