package dev.fleetdeck.ui.showroom;

import dev.fleetdeck.model.Capacity;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.ShowroomSettings;
import dev.fleetdeck.service.history.FleetSeries;
import dev.fleetdeck.service.history.HistoryReader;
import dev.fleetdeck.service.history.Series;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything the showroom shows, and nothing else: aggregates only. It is built from a snapshot without carrying a
 * single node, hostname, UUID, tenant or provider name over, so no page can show one by mistake; sources are
 * numbered ("source 1"), never named.
 *
 * @param takenAt   when the data was assembled
 * @param models    capacity per GPU model (filtered and ordered by the settings)
 * @param regions   capacity per region (filtered and ordered by the settings)
 * @param totalGpus every GPU of the fleet
 * @param freeGpus  free GPUs of the fleet
 * @param sellable  sellable GPUs of the fleet
 * @param utilizationPct fleet utilisation, NaN when unknown
 * @param powerKw   fleet power draw, NaN when unknown
 * @param sources   freshness per source
 * @param day       free GPUs per model over 24 h (minute buckets: mean and minimum, for stock-outs)
 * @param utilization fleet utilisation over the last 24 hours (minute buckets)
 */
public record ShowroomFigures(Instant takenAt, List<ModelFigure> models, List<RegionFigure> regions, int totalGpus,
                              int freeGpus, int sellable, double utilizationPct, double powerKw,
                              List<SourceFreshness> sources, List<DayTrend> day, Series utilization) {

    /** Capacity of one model: sellable (free and healthy), free, total, lowest price per GPU-hour (NaN unknown). */
    public record ModelFigure(String model, int sellable, int free, int total, double pricePerGpuHour) {
    }

    /** Capacity of one region. */
    public record RegionFigure(String region, int sellable, int free, int total) {
    }

    /** How fresh one (numbered) source is. */
    public record SourceFreshness(String label, Optional<Duration> age, boolean live) {
    }

    /** One model's free GPUs over the day. */
    public record DayTrend(String model, Series free) {
    }

    /** The figures of a snapshot. */
    public static ShowroomFigures of(FleetSnapshot snap, HistoryReader history, ShowroomSettings settings,
                                     Instant now) {
        List<ModelFigure> models = new ArrayList<>();
        for (Capacity c : snap.byModel()) {
            if (settings.models().isEmpty() || settings.models().contains(c.gpuModel())) {
                models.add(new ModelFigure(c.gpuModel(), c.sellable(), c.free(), c.total(),
                        c.pricePerGpuHour() * settings.currencyRate()));
            }
        }
        models.sort(order(settings.models(), ModelFigure::model, Comparator.comparingInt(ModelFigure::total)
                .reversed()));
        List<RegionFigure> regions = new ArrayList<>();
        for (Capacity c : snap.byRegion()) {
            if (settings.regions().isEmpty() || settings.regions().contains(c.region())) {
                regions.add(new RegionFigure(c.region(), c.sellable(), c.free(), c.total()));
            }
        }
        regions.sort(order(settings.regions(), RegionFigure::region, Comparator.comparingInt(RegionFigure::total)
                .reversed()));
        List<SourceFreshness> sources = new ArrayList<>();
        int n = 1;
        for (ProviderStatus p : snap.providers()) {
            boolean live = p.state() == ProviderState.OK || p.state() == ProviderState.DEGRADED;
            sources.add(new SourceFreshness("source " + n++, p.dataAge(now), live));
        }
        List<DayTrend> day = new ArrayList<>();
        for (ModelFigure m : models) {
            day.add(new DayTrend(m.model(), history.fleet(FleetSeries.FREE + m.model(), Duration.ofHours(24), now)));
        }
        Capacity all = snap.totals().capacity();
        return new ShowroomFigures(snap.takenAt(), models, regions, all.total(), all.free(), all.sellable(),
                snap.totals().avgUtilizationPct(), snap.totals().powerKw(), sources, day,
                history.fleet(FleetSeries.UTILIZATION_PCT, Duration.ofHours(24), now));
    }

    private static <T> Comparator<T> order(List<String> wanted, java.util.function.Function<T, String> key,
                                           Comparator<T> otherwise) {
        if (wanted.isEmpty()) {
            return otherwise;
        }
        return Comparator.comparingInt(t -> wanted.indexOf(key.apply(t)));
    }

    /** Whether every source is live. */
    public boolean allLive() {
        return sources.stream().allMatch(SourceFreshness::live);
    }
}
