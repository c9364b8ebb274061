package dev.fleetdeck.ui.market;

import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.OfferKind;
import dev.fleetdeck.model.StockLevel;
import dev.fleetdeck.model.Units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The market grid without JavaFX: one row per GPU model × region, one cell per cloud source with its stock and best
 * price there, and the row's total and best price. Pure, so it is tested directly.
 */
public final class MarketRows {
    private MarketRows() {
    }

    /**
     * What one source offers of one model in one region.
     *
     * @param stockGpus GPUs for rent summed over offers that give a count; -1 when none does
     * @param level     the best stock level among offers without a count
     * @param bestPrice lowest price per GPU-hour among offers in stock (NaN when none in stock or none priced)
     * @param bestKind  how that cheapest offer is sold
     */
    public record Cell(int stockGpus, StockLevel level, double bestPrice, OfferKind bestKind) {
        /** Whether anything is for rent. */
        public boolean inStock() {
            return stockGpus > 0 || (stockGpus < 0 && level.inStock());
        }

        /** "64 GPUs · $2.49", "high · $2.69 spot", "sold out". */
        public String text() {
            String price = Metrics.isPresent(bestPrice) ? " · " + Units.price(bestPrice)
                    + (bestKind == OfferKind.ON_DEMAND ? "" : " " + bestKind.label()) : "";
            if (!inStock()) {
                return stockGpus < 0 && level == StockLevel.UNKNOWN ? level.label() + price : "sold out";
            }
            String stock = stockGpus > 0 ? Units.gpus(stockGpus) : level.label();
            return stock + price;
        }
    }

    /**
     * One model in one region across every source.
     *
     * @param cells      per source name, in the sources' order
     * @param listedGpus GPUs for rent with a known count, all sources
     * @param bestPrice  lowest price per GPU-hour in stock, all sources (NaN when none)
     * @param bestAt     the source of that price
     */
    public record Row(String model, String region, Map<String, Cell> cells, int listedGpus, double bestPrice,
                      String bestAt) {
        public boolean inStock() {
            return cells.values().stream().anyMatch(Cell::inStock);
        }
    }

    /**
     * The grid for {@code offers} of the given kinds, sorted by model then region.
     */
    public static List<Row> of(List<Offer> offers, Set<OfferKind> kinds) {
        Map<String, Map<String, List<Offer>>> byKey = new TreeMap<>();
        for (Offer o : offers) {
            if (kinds.contains(o.kind())) {
                byKey.computeIfAbsent(o.model() + '\u0000' + o.region(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(o.provider(), k -> new ArrayList<>()).add(o);
            }
        }
        List<Row> rows = new ArrayList<>(byKey.size());
        for (var e : byKey.entrySet()) {
            String[] key = e.getKey().split("\u0000", 2);
            Map<String, Cell> cells = new LinkedHashMap<>();
            int listed = 0;
            double best = Double.NaN;
            String bestAt = "";
            for (var p : e.getValue().entrySet()) {
                Cell c = cell(p.getValue());
                cells.put(p.getKey(), c);
                listed += Math.max(0, c.stockGpus());
                if (c.inStock() && Metrics.isPresent(c.bestPrice()) && (Double.isNaN(best) || c.bestPrice() < best)) {
                    best = c.bestPrice();
                    bestAt = p.getKey();
                }
            }
            rows.add(new Row(key[0], key[1], cells, listed, best, bestAt));
        }
        return rows;
    }

    private static Cell cell(List<Offer> offers) {
        int count = -1;
        StockLevel level = StockLevel.NONE;
        double best = Double.NaN;
        OfferKind kind = OfferKind.ON_DEMAND;
        for (Offer o : offers) {
            if (o.hasCount()) {
                count = Math.max(0, count) + o.stockGpus();
            } else if (o.level().ordinal() < level.ordinal()) {
                level = o.level(); // HIGH < MEDIUM < LOW < AVAILABLE < NONE in declaration order
            }
            if ((o.inStock() || o.level() == StockLevel.UNKNOWN) && Metrics.isPresent(o.pricePerGpuHour())
                    && (Double.isNaN(best) || o.pricePerGpuHour() < best)) {
                best = o.pricePerGpuHour();
                kind = o.kind();
            }
        }
        if (count == 0 && level.inStock()) {
            count = -1; // a level says there is some where the counted offers are sold out
        }
        return new Cell(count, level, best, kind);
    }

    /** Orders cells for sorting a source's column: most in stock first, sold out last. */
    public static final Comparator<Cell> BY_STOCK = Comparator.comparing((Cell c) -> !c.inStock())
            .thenComparing(c -> -Math.max(0, c.stockGpus())).thenComparing(c -> c.level().ordinal());
}
