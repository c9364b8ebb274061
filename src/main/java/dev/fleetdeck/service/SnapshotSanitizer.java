package dev.fleetdeck.service;

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

/**
 * Every text of a provider's answer made safe before anything shows it: control characters, escape sequences and
 * bidi overrides escaped ({@link SafeText}), and every known secret removed ({@link Redaction}). Objects whose text is
 * clean (the usual case) are kept as they are, so a clean 100k-GPU answer costs one scan of its strings.
 *
 * <p>Threads: any (pure).
 */
final class SnapshotSanitizer {
    private SnapshotSanitizer() {
    }

    static ProviderSnapshot clean(ProviderSnapshot s) {
        boolean redact = Redaction.active();
        List<Node> nodes = s.nodes();
        List<Node> cleanNodes = null;
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            Node c = clean(n, redact);
            if (c != n && cleanNodes == null) {
                cleanNodes = new ArrayList<>(nodes.subList(0, i));
            }
            if (cleanNodes != null) {
                cleanNodes.add(c);
            }
        }
        List<String> warnings = strings(s.warnings(), redact);
        List<Offer> offers = s.offers();
        List<Offer> cleanOffers = null;
        for (int i = 0; i < offers.size(); i++) {
            Offer o = offers.get(i);
            Offer c = clean(o, redact);
            if (c != o && cleanOffers == null) {
                cleanOffers = new ArrayList<>(offers.subList(0, i));
            }
            if (cleanOffers != null) {
                cleanOffers.add(c);
            }
        }
        if (cleanNodes == null && warnings == s.warnings() && cleanOffers == null) {
            return s;
        }
        return new ProviderSnapshot(s.provider(), s.takenAt(), cleanNodes == null ? nodes : cleanNodes, warnings,
                cleanOffers == null ? offers : cleanOffers);
    }

    /** One text, cleaned; the same instance when there was nothing to do. */
    static String text(String t, boolean redact) {
        String safe = SafeText.of(t);
        return redact ? Redaction.scrub(safe) : safe;
    }

    private static Node clean(Node n, boolean redact) {
        String host = text(n.hostname(), redact);
        String region = text(n.region(), redact);
        String model = text(n.gpuModel(), redact);
        Optional<String> tenant = n.tenant().map(t -> text(t, redact));
        String driver = text(n.driverVersion(), redact);
        String cuda = text(n.cudaVersion(), redact);
        List<HealthReason> reasons = reasons(n.healthReasons(), redact);
        List<Gpu> gpus = n.gpus();
        List<Gpu> cleanGpus = null;
        for (int i = 0; i < gpus.size(); i++) {
            Gpu g = gpus.get(i);
            Gpu c = clean(g, redact);
            if (c != g && cleanGpus == null) {
                cleanGpus = new ArrayList<>(gpus.subList(0, i));
            }
            if (cleanGpus != null) {
                cleanGpus.add(c);
            }
        }
        if (host == n.hostname() && region == n.region() && model == n.gpuModel()
                && tenant.equals(n.tenant()) && driver == n.driverVersion() && cuda == n.cudaVersion()
                && reasons == n.healthReasons() && cleanGpus == null) {
            return n;
        }
        return new Node(host, n.provider(), region, model, n.state(), tenant, n.pricePerGpuHour(), driver, cuda,
                n.expectedGpus(), cleanGpus == null ? gpus : cleanGpus, n.health(), reasons, n.allocatedGpus());
    }

    private static Gpu clean(Gpu g, boolean redact) {
        String uuid = text(g.uuid(), redact);
        String model = text(g.model(), redact);
        String mig = text(g.migProfile(), redact);
        List<HealthReason> reasons = reasons(g.healthReasons(), redact);
        List<GpuProcess> processes = g.processes();
        List<GpuProcess> cleanProcesses = null;
        for (int i = 0; i < processes.size(); i++) {
            GpuProcess p = processes.get(i);
            String name = text(p.name(), redact);
            if (name != p.name() && cleanProcesses == null) {
                cleanProcesses = new ArrayList<>(processes.subList(0, i));
            }
            if (cleanProcesses != null) {
                cleanProcesses.add(name == p.name() ? p : new GpuProcess(p.pid(), name, p.usedMemoryMiB()));
            }
        }
        if (uuid == g.uuid() && model == g.model() && mig == g.migProfile() && reasons == g.healthReasons()
                && cleanProcesses == null) {
            return g;
        }
        return new Gpu(g.index(), uuid, model, g.utilizationPct(), g.memoryUsedMiB(), g.memoryTotalMiB(),
                g.temperatureC(), g.memoryTemperatureC(), g.powerW(), g.powerLimitW(), g.smClockMHz(),
                g.eccCorrected(), g.eccUncorrected(), g.lastXid(), g.throttleReasons(), mig, g.health(), reasons,
                cleanProcesses == null ? processes : cleanProcesses);
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
        List<HealthReason> out = null;
        for (int i = 0; i < in.size(); i++) {
            HealthReason r = in.get(i);
            String m = text(r.message(), redact);
            if (m != r.message() && out == null) {
                out = new ArrayList<>(in.subList(0, i));
            }
            if (out != null) {
                out.add(m == r.message() ? r : new HealthReason(r.severity(), r.code(), m));
            }
        }
        return out == null ? in : out;
    }

    private static List<String> strings(List<String> in, boolean redact) {
        List<String> out = null;
        for (int i = 0; i < in.size(); i++) {
            String t = text(in.get(i), redact);
            if (t != in.get(i) && out == null) {
                out = new ArrayList<>(in.subList(0, i));
            }
            if (out != null) {
                out.add(t);
            }
        }
        return out == null ? in : out;
    }
}
