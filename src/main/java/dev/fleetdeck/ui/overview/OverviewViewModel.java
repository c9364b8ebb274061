package dev.fleetdeck.ui.overview;

import dev.fleetdeck.model.Capacity;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.FleetTotals;
import dev.fleetdeck.model.GpuRef;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.MarketByModel;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.TemperatureLimits;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.alerts.Alert;
import dev.fleetdeck.service.history.FleetSeries;
import dev.fleetdeck.service.history.Series;
import dev.fleetdeck.service.idle.IdleReport;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.theme.HealthSymbols;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the overview's tiles show for one frame, computed without JavaFX: every value, text and health colour. The
 * view only copies these onto its tiles. A new tile is a field here and a tile in {@link OverviewView}.
 *
 * @param updated the header's "N GPUs · N nodes · updated HH:mm:ss" line
 */
public record OverviewViewModel(String updated, Figure totalGpus, Figure freeGpus, Figure sellableGpus,
                                Figure allocation, Figure utilization, Power power, Figure hottest, Figure unhealthy,
                                Figure alerts, Figure idleGpus, Figure idleCost, List<Row> byModel,
                                List<Row> byRegion, List<Row> providers, String providerProblems) {
    /** How far back the power trend reaches. */
    /** The overview's default time range (its range picker changes it). */
    public static final Duration POWER_WINDOW = Duration.ofHours(1);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss z", Locale.ENGLISH);

    /**
     * One tile's figures.
     *
     * @param value        the big number
     * @param valueVisible false when nothing reports it (the tile shows no number)
     * @param description  the line under the title
     * @param text         the line at the bottom
     * @param health       the number's colour by health; null for the theme's text colour
     */
    public record Figure(double value, boolean valueVisible, String description, String text, Health health) {
    }

    /**
     * The power tile: the value now, the sum of the power limits (the top of its scale, so a 5 % dip looks like 5 %),
     * and its past over the overview's range (every poll up to 1 h, minute means beyond; empty before there is one).
     */
    public record Power(String valueText, double kw, double limitKw, Instant at, Series past, String context) {
    }

    /** A row of one of the overview's small tables, with a style class per cell ("" for none). */
    public record Row(List<String> cells, List<String> styles) {
    }

    /** Computes every tile for a frame, times in {@code zone}. Any thread. */
    public static OverviewViewModel of(FleetFrame frame, ZoneId zone) {
        return of(frame, zone, POWER_WINDOW);
    }

    /** The figures of a frame, the power trend over {@code range} (every poll for up to 1 h, minute means beyond). */
    public static OverviewViewModel of(FleetFrame frame, ZoneId zone, Duration range) {
        FleetSnapshot snap = frame.snapshot();
        FleetTotals t = snap.totals();
        Capacity all = t.capacity();
        String updated = Units.gpus(all.total()) + " · " + snap.nodes().size() + " nodes · updated "
                + CLOCK.format(snap.takenAt().atZone(zone));

        Figure total = new Figure(all.total(), true,
                Units.count(t.nodes()) + (t.nodes() == 1 ? " node" : " nodes") + " · " + Units.count(all.unavailable())
                        + " GPUs out of service",
                Units.count(all.rented()) + " rented · " + Units.count(all.reserved()) + " reserved", null);
        Figure free = new Figure(all.free(), true, "of " + Units.gpus(all.total()),
                "lowest price " + Units.pricePerGpuHour(all.pricePerGpuHour()), null);
        int[] market = MarketByModel.totals(snap.market());
        Figure sellable = new Figure(all.sellable(), true,
                Units.count(all.free() - all.sellable()) + " free but unhealthy",
                snap.market().isEmpty() ? "free GPUs with no health problem"
                        : "market: " + marketText(market[0], market[1]) + " on " + market[2]
                        + (market[2] == 1 ? " cloud" : " clouds") + " · " + ViewId.MARKET.shortcut(),
                all.sellable() > 0 ? Health.OK : Health.WARN);
        Figure allocation = new Figure(all.allocationPct(), true,
                Units.count(all.rented() + all.reserved()) + " of " + Units.gpus(all.total()),
                Units.count(all.free()) + " free · " + Units.count(all.unavailable()) + " out of service", null);
        boolean utilKnown = Metrics.isPresent(t.avgUtilizationPct());
        Figure utilization = new Figure(utilKnown ? t.avgUtilizationPct() : 0, utilKnown,
                utilKnown ? "over GPUs that report it" : "no GPU reports utilisation", "", null);

        String powerContext = Metrics.isPresent(t.powerLimitKw())
                ? "of " + Units.kilowatts(t.powerLimitKw()) + " power limits" : "no GPU reports power";
        Power power = new Power(Units.kilowatts(t.powerKw()), t.powerKw(), t.powerLimitKw(), snap.takenAt(),
                frame.history().fleet(FleetSeries.POWER_KW, range, snap.takenAt()), powerContext);

        Figure unhealthy = new Figure(t.unhealthyGpus(), true, Units.count(t.criticalGpus()) + " critical",
                t.unhealthyGpus() == 0 ? "all GPUs healthy" : "hot, XID, ECC, missing or down",
                t.criticalGpus() > 0 ? Health.CRIT : t.unhealthyGpus() > 0 ? Health.WARN : Health.OK);

        return new OverviewViewModel(updated, total, free, sellable, allocation, utilization, power,
                hottest(t, snap), unhealthy, alerts(frame.alerts().firing()), idleGpus(frame.idle(),
                frame.alerts().settings().idleFor()), idleCost(frame.idle()),
                modelRows(snap.byModel(), MarketByModel.of(snap.market())), regionRows(snap.byRegion()),
                providerRows(snap.providers(), snap.takenAt()), problems(snap.providers()));
    }

    /** The hottest GPU, coloured by its own model's limits (an A100 is critical at 90 °C, an H100 at 92 °C). */
    static Figure hottest(FleetTotals t, FleetSnapshot snap) {
        if (t.hottest().isEmpty()) {
            return new Figure(0, false, "no GPU reports a temperature", "", null);
        }
        GpuRef ref = t.hottest().get();
        TemperatureLimits limits = TemperatureLimits.of(modelOf(snap, ref));
        Health health = ref.value() >= limits.gpuCritC() ? Health.CRIT
                : ref.value() >= limits.gpuWarnC() ? Health.WARN : Health.OK;
        return new Figure(ref.value(), true, ref.hostname() + " · GPU " + ref.index(), "provider " + ref.provider(),
                health);
    }

    private static String modelOf(FleetSnapshot snap, GpuRef ref) {
        for (Node n : snap.nodes()) {
            if (n.hostname().equals(ref.hostname()) && n.provider().equals(ref.provider())) {
                return n.gpuModel();
            }
        }
        return "";
    }

    static Figure alerts(List<Alert> firing) {
        long crit = firing.stream().filter(a -> a.severity() == Health.CRIT).count();
        long acked = firing.stream().filter(a -> a.ackedAt().isPresent()).count();
        return new Figure(firing.size(), true,
                Units.count(crit) + " critical · " + Units.count(firing.size() - crit) + " warning",
                firing.isEmpty() ? "nothing firing"
                        : Units.count(acked) + " acknowledged · " + ViewId.ALERTS.shortcut() + " lists them",
                crit > 0 ? Health.CRIT : firing.isEmpty() ? Health.OK : Health.WARN);
    }

    static Figure idleGpus(IdleReport idle, Duration idleFor) {
        return new Figure(idle.idleGpus(), true, "under the idle threshold for " + Units.age(idleFor) + " or more",
                idle.nodes().isEmpty() ? "no rented GPU sits idle" : "on " + Units.count(idle.nodes().size())
                        + " nodes of " + Units.count(idle.byTenant().size()) + " tenants",
                idle.idleGpus() > 0 ? Health.WARN : null);
    }

    static Figure idleCost(IdleReport idle) {
        String worst = idle.byTenant().isEmpty() ? "no tenant pays for idle GPUs"
                : "worst: " + idle.byTenant().getFirst().name() + " " + Units.costPerHour(
                idle.byTenant().getFirst().costPerHour()) + " for " + Units.age(idle.byTenant().getFirst()
                .longestIdle());
        return new Figure(idle.costPerHour(), true, worst, "idle GPUs × price per GPU-hour",
                idle.costPerHour() > 0 ? Health.WARN : null);
    }

    /** The last error of every provider in trouble, one per line; empty when all are fine. */
    static String problems(List<ProviderStatus> list) {
        StringBuilder text = new StringBuilder();
        for (ProviderStatus p : list) {
            if (p.state().isTrouble() && p.lastError().isPresent()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(HealthSymbols.symbol(healthOf(p.state()))).append(' ').append(p.lastError().get());
            }
        }
        return text.toString();
    }

    /** "1,234 GPUs", "12 offers", "96 GPUs + 3 offers", or "sold out". */
    static String marketText(int listedGpus, int offersWithoutCount) {
        if (listedGpus == 0 && offersWithoutCount == 0) {
            return "sold out";
        }
        String gpus = listedGpus > 0 ? Units.gpus(listedGpus) : "";
        String offers = offersWithoutCount > 0 ? Units.count(offersWithoutCount)
                + (offersWithoutCount == 1 ? " offer" : " offers") : "";
        return gpus.isEmpty() ? offers : offers.isEmpty() ? gpus : gpus + " + " + offers;
    }

    /** Own capacity per model, with the clouds' market capacity beside it (market-only models last). */
    static List<Row> modelRows(List<Capacity> list, Map<String, MarketByModel> market) {
        List<Row> rows = new ArrayList<>(list.size());
        Set<String> shown = new HashSet<>();
        for (Capacity c : list) {
            shown.add(c.gpuModel());
            MarketByModel m = market.get(c.gpuModel());
            rows.add(new Row(List.of(c.gpuModel(), Units.count(c.total()), Units.count(c.rented()),
                    Units.count(c.free()), Units.count(c.sellable()), Units.price(c.pricePerGpuHour()),
                    marketCell(m), m == null ? "" : Units.price(m.cheapestPerGpuHour())),
                    List.of("cell-key", "", "", "", c.sellable() > 0 ? "health-ok" : "health-warn", "cell-muted",
                            marketStyle(m), "cell-muted")));
        }
        for (MarketByModel m : market.values()) {
            if (!shown.contains(m.model()) && m.inStock()) {
                rows.add(new Row(List.of(m.model(), "", "", "", "", "", marketCell(m),
                        Units.price(m.cheapestPerGpuHour())),
                        List.of("cell-key", "", "", "", "", "", marketStyle(m), "cell-muted")));
            }
        }
        return rows;
    }

    private static String marketCell(MarketByModel m) {
        if (m == null) {
            return "";
        }
        if (!m.inStock()) {
            return "sold out";
        }
        return m.listedGpus() > 0 ? Units.count(m.listedGpus()) : m.offersInStock() + " off.";
    }

    private static String marketStyle(MarketByModel m) {
        return m == null ? "" : m.inStock() ? "market-cell" : "cell-muted";
    }

    static List<Row> regionRows(List<Capacity> list) {
        List<Row> rows = new ArrayList<>(list.size());
        for (Capacity c : list) {
            rows.add(new Row(List.of(c.region(), Units.count(c.total()), Units.count(c.free()),
                    Units.count(c.sellable()), Units.percent(c.allocationPct(), 0)),
                    List.of("cell-key", "", "", c.sellable() > 0 ? "health-ok" : "health-warn", "")));
        }
        return rows;
    }

    static List<Row> providerRows(List<ProviderStatus> list, Instant now) {
        List<Row> rows = new ArrayList<>(list.size());
        for (ProviderStatus p : list) {
            Health h = healthOf(p.state());
            String age = p.dataAge(now).map(Units::age).orElse("no data");
            rows.add(new Row(List.of(p.name(), HealthSymbols.symbol(h) + " " + p.state().label(), age,
                    Units.count(p.nodes())),
                    List.of("cell-key", HealthSymbols.styleClass(h), "", "")));
        }
        return rows;
    }

    private static Health healthOf(ProviderState state) {
        return HealthSymbols.healthOf(state);
    }
}
