package dev.fleetdeck.service.health;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.ThrottleReason;
import dev.fleetdeck.model.Units;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Health rules over time, which one snapshot cannot see:
 * <ul>
 *   <li>XID bursts: {@value #XID_BURST} or more new XIDs on one GPU within {@link #XID_WINDOW} (CRIT);</li>
 *   <li>growth of corrected (single-bit) ECC errors: {@value #SBE_GROWTH} or more within {@link #SBE_WINDOW} (WARN):
 *       the GPU's memory is wearing and may soon throw uncorrectable errors;</li>
 *   <li>sustained throttling: heat, hardware slowdown or the power brake for {@link #THROTTLE_FOR} or longer (WARN).
 *       The software power cap is left out: it is how a GPU at its power limit normally runs.</li>
 * </ul>
 * State is kept per GPU (its previous XID, when throttling started, a few ECC samples) and dropped for GPUs unseen
 * for an hour. Runs on the assembler thread, inside {@link FleetAssembler}; not thread-safe.
 */
public final class HealthTrends {
    static final int XID_BURST = 3;
    static final Duration XID_WINDOW = Duration.ofMinutes(10);
    static final int SBE_GROWTH = 100;
    static final Duration SBE_WINDOW = Duration.ofHours(1);
    static final Duration THROTTLE_FOR = Duration.ofMinutes(5);
    private static final long FORGET_MS = Duration.ofHours(1).toMillis();
    private static final int SBE_SAMPLES = 13;

    /** What is remembered of one GPU. */
    private static final class GpuTrend {
        int previousXid;
        int lastCode;
        final long[] xidAt = new long[XID_BURST];
        int xids;
        long throttledSince = -1;
        final long[] sbeAt = new long[SBE_SAMPLES];
        final double[] sbe = new double[SBE_SAMPLES];
        int sbeCount;
        long seen;
    }

    private final Map<String, GpuTrend[]> nodes = new HashMap<>();
    private long lastSweep;

    /** The node with the trend reasons of its GPUs added and its health re-combined. */
    public Node apply(Node node, Instant now) {
        if (node.gpus().isEmpty()) {
            return node;
        }
        long t = now.toEpochMilli();
        String key = node.provider() + "/" + node.hostname();
        GpuTrend[] trends = nodes.get(key);
        int size = 0;
        for (Gpu g : node.gpus()) {
            size = Math.max(size, g.index() + 1);
        }
        if (size > 4096) {
            return node;
        }
        if (trends == null || trends.length < size) {
            GpuTrend[] grown = new GpuTrend[size];
            if (trends != null) {
                System.arraycopy(trends, 0, grown, 0, trends.length);
            }
            trends = grown;
            nodes.put(key, trends);
        }
        List<Gpu> out = null;
        Health worst = node.health();
        for (int i = 0; i < node.gpus().size(); i++) {
            Gpu g = node.gpus().get(i);
            if (g.index() < 0) {
                continue;
            }
            GpuTrend trend = trends[g.index()];
            if (trend == null) {
                trend = new GpuTrend();
                trend.previousXid = g.lastXid(); // an XID already there at start is not new
                trends[g.index()] = trend;
            }
            List<HealthReason> found = observe(trend, g, t);
            if (!found.isEmpty()) {
                if (out == null) {
                    out = new ArrayList<>(node.gpus());
                }
                List<HealthReason> reasons = new ArrayList<>(g.healthReasons());
                reasons.addAll(found);
                Health h = g.health();
                for (HealthReason r : found) {
                    h = Health.worst(h, r.severity());
                }
                out.set(i, g.withHealth(h, reasons));
                worst = Health.worst(worst, h);
            }
        }
        if (t - lastSweep > FORGET_MS / 4) {
            sweep(t);
        }
        return out == null ? node : node.withHealth(out, worst, node.healthReasons());
    }

    private static List<HealthReason> observe(GpuTrend trend, Gpu g, long t) {
        trend.seen = t;
        List<HealthReason> found = List.of();
        // XIDs: a new code is a new event.
        int xid = g.lastXid();
        if (xid != 0 && xid != trend.previousXid) {
            System.arraycopy(trend.xidAt, 0, trend.xidAt, 1, XID_BURST - 1);
            trend.xidAt[0] = t;
            trend.xids = Math.min(XID_BURST, trend.xids + 1);
            trend.lastCode = xid;
        }
        trend.previousXid = xid;
        long span = trend.xidAt[0] - trend.xidAt[XID_BURST - 1];
        if (trend.xids == XID_BURST && span <= XID_WINDOW.toMillis() && t - trend.xidAt[0] <= XID_WINDOW.toMillis()) {
            // Shown from the burst until a whole window has passed without a new XID.
            found = add(found, new HealthReason(Health.CRIT, "xid-burst", "GPU " + g.index() + ": " + XID_BURST
                    + " XIDs within " + Units.age(Duration.ofMillis(span)) + " (last XID " + trend.lastCode + ")"));
        }
        // Throttling that lasts.
        boolean throttled = false;
        for (ThrottleReason r : g.throttleReasons()) {
            throttled |= r.isThermal() || r == ThrottleReason.HW_SLOWDOWN || r == ThrottleReason.HW_POWER_BRAKE;
        }
        if (!throttled) {
            trend.throttledSince = -1;
        } else if (trend.throttledSince < 0) {
            trend.throttledSince = t;
        } else if (t - trend.throttledSince >= THROTTLE_FOR.toMillis()) {
            found = add(found, new HealthReason(Health.WARN, "throttle-sustained", "GPU " + g.index()
                    + " throttled for " + Units.age(Duration.ofMillis(t - trend.throttledSince)) + " ("
                    + String.join(", ", g.throttleReasons().stream().map(ThrottleReason::label).sorted().toList())
                    + ")"));
        }
        // Corrected ECC errors: samples every 5 min over the last hour; a counter reset starts over.
        double sbe = g.eccCorrected();
        if (Metrics.isPresent(sbe)) {
            int n = trend.sbeCount;
            if (n > 0 && sbe < trend.sbe[n - 1]) {
                n = 0;
            }
            if (n == 0 || t - trend.sbeAt[n - 1] >= SBE_WINDOW.toMillis() / (SBE_SAMPLES - 1)) {
                if (n == SBE_SAMPLES) {
                    System.arraycopy(trend.sbeAt, 1, trend.sbeAt, 0, n - 1);
                    System.arraycopy(trend.sbe, 1, trend.sbe, 0, n - 1);
                    n--;
                }
                trend.sbeAt[n] = t;
                trend.sbe[n] = sbe;
                n++;
            }
            trend.sbeCount = n;
            double growth = sbe - trend.sbe[0];
            if (growth >= SBE_GROWTH) {
                found = add(found, new HealthReason(Health.WARN, "ecc-sbe-growth", "GPU " + g.index() + ": +"
                        + Units.count(Math.round(growth)) + " corrected ECC errors in "
                        + Units.age(Duration.ofMillis(t - trend.sbeAt[0]))));
            }
        }
        return found;
    }

    private static List<HealthReason> add(List<HealthReason> list, HealthReason r) {
        List<HealthReason> out = list.isEmpty() ? new ArrayList<>(2) : list;
        out.add(r);
        return out;
    }

    /** Forgets GPUs not seen for an hour. */
    void sweep(long now) {
        lastSweep = now;
        Iterator<GpuTrend[]> it = nodes.values().iterator();
        while (it.hasNext()) {
            boolean any = false;
            for (GpuTrend g : it.next()) {
                any |= g != null && now - g.seen < FORGET_MS;
            }
            if (!any) {
                it.remove();
            }
        }
    }

    /** Nodes with state (tests). */
    int trackedNodes() {
        return nodes.size();
    }
}
