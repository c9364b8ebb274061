package dev.fleetdeck.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Market capacity of one GPU model across every cloud source: what the overview shows beside the fleet's own
 * capacity. Counts add only where clouds give counts; offers with a level only are counted as offers.
 *
 * @param model              model key
 * @param listedGpus         GPUs for rent now, summed over offers that give a count
 * @param offersInStock      offers in stock that give only a level (or "available")
 * @param cheapestPerGpuHour the lowest on-demand price per GPU-hour among offers in stock (NaN when none)
 * @param cheapestAt         the source of that price ("" when none)
 * @param providers          sources with this model in stock
 */
public record MarketByModel(String model, int listedGpus, int offersInStock, double cheapestPerGpuHour,
                            String cheapestAt, Set<String> providers) {
    public MarketByModel {
        providers = Set.copyOf(providers);
    }

    /** Whether anything of this model can be rented now. */
    public boolean inStock() {
        return listedGpus > 0 || offersInStock > 0;
    }

    /** Per model, in first-seen order; sold-out models are included (nothing in stock). */
    public static Map<String, MarketByModel> of(List<Offer> offers) {
        Map<String, List<Offer>> byModel = new LinkedHashMap<>();
        for (Offer o : offers) {
            byModel.computeIfAbsent(o.model(), k -> new ArrayList<>()).add(o);
        }
        Map<String, MarketByModel> out = new LinkedHashMap<>();
        byModel.forEach((model, list) -> {
            int listed = 0;
            int levels = 0;
            double cheapest = Double.NaN;
            String at = "";
            Set<String> providers = new HashSet<>();
            for (Offer o : list) {
                if (!o.inStock()) {
                    continue;
                }
                providers.add(o.provider());
                if (o.hasCount()) {
                    listed += o.stockGpus();
                } else {
                    levels++;
                }
                if (o.kind() != OfferKind.SPOT && Metrics.isPresent(o.pricePerGpuHour())
                        && (Double.isNaN(cheapest) || o.pricePerGpuHour() < cheapest)) {
                    cheapest = o.pricePerGpuHour();
                    at = o.provider();
                }
            }
            out.put(model, new MarketByModel(model, listed, levels, cheapest, at, providers));
        });
        return out;
    }

    /** Fleet-wide: GPUs listed, offers in stock without counts, and how many sources have anything in stock. */
    public static int[] totals(List<Offer> offers) {
        int listed = 0;
        int levels = 0;
        Set<String> providers = new HashSet<>();
        for (Offer o : offers) {
            if (o.inStock()) {
                providers.add(o.provider());
                if (o.hasCount()) {
                    listed += o.stockGpus();
                } else {
                    levels++;
                }
            }
        }
        return new int[]{listed, levels, providers.size()};
    }
}
