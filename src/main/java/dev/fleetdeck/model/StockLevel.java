package dev.fleetdeck.model;

import java.util.Locale;

/**
 * How much of an offer there is when a cloud gives a level rather than a count (RunPod's stockStatus), or only says
 * whether there is any (Lambda's regions with capacity).
 */
public enum StockLevel {
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low"),
    /** Some, amount not said. */
    AVAILABLE("available"),
    /** The answer does not say (a field missing): never shown as sold out, never counted as in stock. */
    UNKNOWN("stock unknown"),
    /** Sold out. */
    NONE("sold out");

    private final String label;

    StockLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether anything can be rented. */
    public boolean inStock() {
        return this != NONE && this != UNKNOWN;
    }

    /** A cloud's word for a level ("High", "medium", "LOW", null or "" = none), or null when not one of them. */
    public static StockLevel parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "high" -> HIGH;
            case "medium" -> MEDIUM;
            case "low" -> LOW;
            case "available" -> AVAILABLE;
            case "none", "sold out", "unavailable" -> NONE;
            default -> null;
        };
    }
}
