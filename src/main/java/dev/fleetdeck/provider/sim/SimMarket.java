package dev.fleetdeck.provider.sim;

import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.OfferKind;
import dev.fleetdeck.model.StockLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A simulated cloud's market ({@code market: true}): for each model of the mix and each region, an on-demand offer of
 * 8-GPU instances whose stock drifts through the day (sometimes selling out) and a spot offer at a discount. Prices
 * float a few percent around the model's list price. Deterministic in the seed and the simulated hour, like the
 * fleet.
 */
final class SimMarket {
    private final String provider;
    private final SimSettings settings;

    SimMarket(String provider, SimSettings settings) {
        this.provider = provider;
        this.settings = settings;
    }

    /** The offers at a simulated time. */
    List<Offer> at(Instant simNow) {
        long hour = simNow.getEpochSecond() / 3600;
        List<Offer> out = new ArrayList<>();
        int m = 0;
        for (Map.Entry<String, Double> model : settings.models().entrySet()) {
            GpuSpec spec = GpuSpec.find(model.getKey()).orElse(null);
            if (spec == null) {
                continue;
            }
            for (int r = 0; r < settings.regions().size(); r++) {
                String region = settings.regions().get(r);
                double wave = Noise.unit(settings.seed(), m, r, hour);
                int stock = wave < 0.15 ? 0 : 8 * (int) (1 + wave * 24 * model.getValue() / 40.0);
                double price = spec.pricePerGpuHour() * (1 + 0.06 * Noise.signed(settings.seed(), m, r, hour + 7));
                out.add(new Offer(provider, spec.model(), spec.model(), "8x " + spec.model(), 8, region, stock,
                        stock == 0 ? StockLevel.NONE : StockLevel.AVAILABLE, round(price), OfferKind.ON_DEMAND));
                double level = Noise.unit(settings.seed(), m, r, hour + 13);
                StockLevel spot = level < 0.25 ? StockLevel.NONE : level < 0.5 ? StockLevel.LOW
                        : level < 0.8 ? StockLevel.MEDIUM : StockLevel.HIGH;
                out.add(new Offer(provider, spec.model(), spec.model(), "1x " + spec.model() + " spot", 1, region, -1,
                        spot, round(price * 0.62), OfferKind.SPOT));
            }
            m++;
        }
        return out;
    }

    private static double round(double price) {
        return Math.round(price * 100) / 100.0;
    }
}
