package dev.fleetdeck.model;

import java.util.Objects;

/**
 * Capacity a cloud offers for rent now ("market" capacity), kept apart from the fleet's own free GPUs and always
 * labelled with its source. Immutable.
 *
 * @param provider         the configured source that reported it
 * @param model            normalised model key ({@link GpuModels}), e.g. {@code H100}
 * @param gpuName          the model as the cloud names it, e.g. "H100 (80 GB SXM5)"
 * @param instanceType     the cloud's offer or instance-type name, e.g. {@code gpu_8x_h100_sxm5}
 * @param gpusPerInstance  GPUs in one rentable unit
 * @param region           the cloud's region (or country, for marketplaces); {@code any} when it does not say
 * @param stockGpus        GPUs that can be rented now when the cloud gives a count; -1 when it gives a level only
 * @param level            stock as a level; with a count, derived from it
 * @param pricePerGpuHour  USD per GPU-hour; NaN when not given
 * @param kind             how it is sold
 */
public record Offer(String provider, String model, String gpuName, String instanceType, int gpusPerInstance,
                    String region, int stockGpus, StockLevel level, double pricePerGpuHour, OfferKind kind) {
    /** Region of an offer whose cloud does not say where. */
    public static final String ANY_REGION = "any";

    public Offer {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(gpuName, "gpuName");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        if (gpusPerInstance < 1) {
            throw new IllegalArgumentException("gpusPerInstance must be at least 1");
        }
    }

    /** Whether the cloud gave a GPU count. */
    public boolean hasCount() {
        return stockGpus >= 0;
    }

    /** Whether anything can be rented. */
    public boolean inStock() {
        return hasCount() ? stockGpus > 0 : level.inStock();
    }
}
