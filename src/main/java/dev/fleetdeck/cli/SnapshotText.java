package dev.fleetdeck.cli;

import dev.fleetdeck.model.Capacity;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.FleetTotals;
import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.Units;

import java.util.List;

/** Renders a {@link FleetSnapshot} as the human-readable tables of {@code probe --format table}. */
final class SnapshotText {
    private SnapshotText() {
    }

    static String render(FleetSnapshot snap, String source) {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        FleetTotals t = snap.totals();
        Capacity all = t.capacity();
        out.append("FleetDeck — ").append(source).append(" — ").append(snap.takenAt()).append(nl).append(nl);

        out.append("Providers").append(nl);
        TextTable providers = new TextTable(List.of("NAME", "TYPE", "STATE", "DATA AGE", "NODES", "LAST POLL", "LAST ERROR"),
                false, false, false, true, true, true, false);
        for (ProviderStatus p : snap.providers()) {
            providers.row(p.name(), p.type(), p.state().label(),
                    p.dataAge(snap.takenAt()).map(Units::age).orElse("no data"), Units.count(p.nodes()),
                    p.lastPollDuration().toMillis() + " ms", p.lastError().orElse(
                            // A degraded source always says why: its first problem, with the count.
                            p.state() == ProviderState.DEGRADED && !p.notices().isEmpty()
                                    ? p.notices().getFirst() : ""));
        }
        out.append(providers.render("  ")).append(nl);

        out.append("Fleet").append(nl);
        out.append("  ").append(Units.gpus(all.total())).append(" on ").append(Units.count(t.nodes()))
                .append(t.nodes() == 1 ? " node: " : " nodes: ")
                .append(Units.count(all.rented())).append(" rented, ").append(Units.count(all.reserved()))
                .append(" reserved, ").append(Units.count(all.free())).append(" free (")
                .append(Units.count(all.sellable())).append(" sellable), ").append(Units.count(all.unavailable()))
                .append(" out of service").append(nl);
        out.append("  allocation ").append(Units.percent(all.allocationPct(), 1))
                .append(" · average utilisation ").append(Units.percent(t.avgUtilizationPct(), 1))
                .append(" · power ").append(Units.kilowatts(t.powerKw())).append(nl);
        out.append("  unhealthy GPUs ").append(Units.count(t.unhealthyGpus())).append(" (")
                .append(Units.count(t.criticalGpus())).append(" critical)");
        t.hottest().ifPresent(h -> out.append(" · hottest ").append(Units.celsius(h.value())).append(" on ")
                .append(h.hostname()).append(" GPU ").append(h.index()));
        out.append(nl).append(nl);

        out.append("Capacity by GPU model").append(nl).append(capacity(snap.byModel(), true)).append(nl);
        out.append("Capacity by region").append(nl).append(capacity(snap.byRegion(), false));
        if (!snap.market().isEmpty()) {
            out.append(nl).append("Market: offered by clouds now (not our fleet)").append(nl);
            TextTable market = new TextTable(List.of("SOURCE", "MODEL", "REGION", "KIND", "PER INSTANCE", "STOCK",
                    "$/GPU-H", "OFFER"), false, false, false, false, true, true, true, false);
            for (Offer o : snap.market()) {
                market.row(o.provider(), o.model(), o.region(), o.kind().label(), Units.gpus(o.gpusPerInstance()),
                        o.hasCount() ? Units.gpus(o.stockGpus()) : o.level().label(), Units.price(o.pricePerGpuHour()),
                        o.instanceType());
            }
            out.append(market.render("  "));
        }
        return out.toString();
    }

    private static String capacity(List<Capacity> list, boolean byModel) {
        TextTable table = new TextTable(List.of(byModel ? "MODEL" : "REGION", "GPUS", "RENTED", "RESERVED", "FREE",
                "SELLABLE", "OUT", "ALLOC", "FROM"), false, true, true, true, true, true, true, true, true);
        for (Capacity c : list) {
            table.row(byModel ? c.gpuModel() : c.region(), Units.count(c.total()), Units.count(c.rented()),
                    Units.count(c.reserved()), Units.count(c.free()), Units.count(c.sellable()),
                    Units.count(c.unavailable()), Units.percent(c.allocationPct(), 1),
                    Units.pricePerGpuHour(c.pricePerGpuHour()));
        }
        return table.render("  ");
    }
}
