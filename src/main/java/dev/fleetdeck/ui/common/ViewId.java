package dev.fleetdeck.ui.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every view FleetDeck has, in the order of the navigation bar (Ctrl+1…): the one list that the window's buttons and
 * shortcuts, the F1 help, the CLI's {@code --view} values and the README's table of views are made from.
 */
public enum ViewId {
    OVERVIEW("Overview", "Ctrl+1", "tiles: capacity, allocation, utilisation, power, hottest GPU, health, alerts, "
            + "idle cost, sources"),
    FLEET("Fleet", "Ctrl+2", "every node in a sortable, filterable table; Enter opens a node"),
    HEATMAP("Heatmap", "Ctrl+3", "one cell per GPU coloured by a metric, grouped by region, provider and model"),
    DETAIL("Node", "Ctrl+4", "one node: facts, health reasons, per-GPU charts, events and processes"),
    SOURCES("Sources", "Ctrl+5", "each provider's state, data age and last error, and the recent fleet events"),
    ALERTS("Alerts", "Ctrl+6", "open and resolved alerts with acknowledge and silence; idle rented GPUs and their cost"),
    MARKET("Market", "Ctrl+7", "GPU-cloud offers: stock and price per GPU-hour by model, region and cloud"),
    SHOWROOM("Showroom", "F11", "full-screen, customer-safe capacity pages for a big screen");

    private final String title;
    private final String shortcut;
    private final String description;

    ViewId(String title, String shortcut, String description) {
        this.title = title;
        this.shortcut = shortcut;
        this.description = description;
    }

    /** The name on the command line ({@code --view}) and in saved window state. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name on the navigation button. */
    public String title() {
        return title;
    }

    /** The keyboard shortcut that shows it. */
    public String shortcut() {
        return shortcut;
    }

    /** What it shows, in one line (help overlay, README). */
    public String description() {
        return description;
    }

    /** Whether it lives inside the main window (the showroom takes the whole screen instead). */
    public boolean inWindow() {
        return this != SHOWROOM;
    }

    /** The views of the main window, in navigation order. */
    public static List<ViewId> windowViews() {
        return Arrays.stream(values()).filter(ViewId::inWindow).toList();
    }

    /** Every key, for messages: "overview, fleet, …". */
    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(ViewId::key).toList());
    }

    /** The view with this key, ignoring case. */
    public static Optional<ViewId> byKey(String key) {
        return Arrays.stream(values()).filter(v -> v.key().equalsIgnoreCase(key)).findFirst();
    }
}
