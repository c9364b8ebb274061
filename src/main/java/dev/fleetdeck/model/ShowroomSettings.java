package dev.fleetdeck.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the showroom looks: branding and what it shows.
 *
 * @param title        the page title, e.g. "Live GPU capacity"
 * @param logo         a PNG or JPEG shown beside the title, if any
 * @param accent       the accent colour, {@code #rrggbb}
 * @param currency     the currency symbol or code shown with prices, e.g. "$" or "EUR"
 * @param currencyRate multiplier from USD list prices to that currency
 * @param models       GPU models to show, in this order (empty: all)
 * @param regions      regions to show, in this order (empty: all)
 * @param rotateEvery  how long each page stays before the next
 * @param pin          the PIN that leaving the showroom asks for, if any
 */
public record ShowroomSettings(String title, Optional<String> logo, String accent, String currency,
                               double currencyRate, List<String> models, List<String> regions,
                               java.time.Duration rotateEvery, Optional<String> pin) {
    public ShowroomSettings {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(logo, "logo");
        Objects.requireNonNull(accent, "accent");
        Objects.requireNonNull(currency, "currency");
        models = List.copyOf(models);
        regions = List.copyOf(regions);
        Objects.requireNonNull(rotateEvery, "rotateEvery");
        Objects.requireNonNull(pin, "pin");
    }

    public static ShowroomSettings defaults() {
        return new ShowroomSettings("Live GPU capacity", Optional.empty(), "#58a6ff", "$", 1.0, List.of(), List.of(),
                java.time.Duration.ofSeconds(12), Optional.empty());
    }
}
