package dev.fleetdeck.ui;

import dev.fleetdeck.model.Capacity;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.FleetTotals;
import dev.fleetdeck.model.GpuRef;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.Units;
import eu.hansolo.tilesfx.Tile;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.paint.Color;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The overview: a header and a 4 × 3 grid of tiles answering "how big, how full, how healthy, how are the sources".
 * Built and updated on the JavaFX thread; {@link #update} does nothing but set texts and values, once per snapshot.
 */
public final class OverviewView {
    static final double HOT_WARN_C = 85;
    static final double HOT_CRIT_C = 92;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss z", Locale.ENGLISH);

    private final BorderPane root = new BorderPane();
    private final Label updated = new Label("waiting for the first poll…");
    private final ZoneId zone;
    private final Map<String, Tile> tiles;
    private final Tile totalGpus = TileFactory.count("tile-total-gpus", "Total GPUs", "GPUs");
    private final Tile freeGpus = TileFactory.count("tile-free-gpus", "Free GPUs", "GPUs");
    private final Tile sellableGpus = TileFactory.count("tile-sellable-gpus", "Sellable GPUs (free and healthy)", "GPUs");
    private final Tile allocation = TileFactory.measure("tile-allocation", "Allocation (rented + reserved)", "%", 1);
    private final Tile utilization = TileFactory.percentGauge("tile-utilization", "Average GPU utilisation");
    private final TrendTile power = new TrendTile("tile-power", "Fleet power draw", 120);
    private final Tile hottest = TileFactory.measure("tile-hottest", "Hottest GPU", "°C", 0);
    private final Tile unhealthy = TileFactory.count("tile-unhealthy", "Unhealthy GPUs", "GPUs");
    private final Tile alerts = TileFactory.count("tile-alerts", "Firing alerts", "alerts");
    private final Tile idleGpus = TileFactory.count("tile-idle-gpus", "Idle rented GPUs", "GPUs");
    private final Tile idleCost = TileFactory.measure("tile-idle-cost", "Idle cost", "$∕h", 2);
    // (a division slash: TilesFX draws a unit with "/" as a stacked fraction)
    private final TextGrid modelGrid = new TextGrid(
            List.of("Model", "GPUs", "Rented", "Free", "Sellable", "$/GPU-h", "Market", "Mkt $/GPU-h"),
            new boolean[] {false, true, true, true, true, true, true, true}, 8);
    private final TextGrid regionGrid = new TextGrid(
            List.of("Region", "GPUs", "Free", "Sellable", "Alloc."),
            new boolean[] {false, true, true, true, true}, 8);
    private final TextGrid providerGrid = new TextGrid(
            List.of("Provider", "State", "Data age", "Nodes"),
            new boolean[] {false, false, true, true}, 8);
    private final Tile byModel = TileFactory.custom("tile-capacity-model", "Capacity by GPU model", modelGrid.node());
    private final Tile byRegion = TileFactory.custom("tile-capacity-region", "Capacity by region", regionGrid.node());
    private final Label providerProblems = new Label();
    private final Tile providers = TileFactory.custom("tile-providers", "Provider status",
            new javafx.scene.layout.VBox(10, providerGrid.node(), providerProblems));
    private FleetSnapshot current;
    private java.util.function.Function<Instant, dev.fleetdeck.service.history.Series> powerHistory;

    /**
     * Draws the power line from history (minute means of the last two hours) instead of collecting it here, so it
     * has its past from the start. FX thread.
     */
    public void usePowerHistory(java.util.function.Function<Instant, dev.fleetdeck.service.history.Series> history) {
        powerHistory = history;
    }

    /**
     * @param sourceLabel what is shown, e.g. "built-in simulated fleet" or a config file name
     * @param zone        time zone for clock times
     */
    public OverviewView(String sourceLabel, ZoneId zone) {
        this.zone = zone;
        root.getStyleClass().add("overview");
        root.setTop(header(sourceLabel));
        root.setCenter(grid());
        FontScaling.bind(modelGrid.node(), byModel, 52, 10, 17);
        FontScaling.bind(regionGrid.node(), byRegion, 26, 10, 17);
        FontScaling.bind(providerGrid.node(), providers, 26, 10, 17);
        FontScaling.bind(power.content(), power.tile(), 31, 8, 15);
        tiles = Map.ofEntries(Map.entry(totalGpus.getId(), totalGpus), Map.entry(freeGpus.getId(), freeGpus),
                Map.entry(sellableGpus.getId(), sellableGpus), Map.entry(allocation.getId(), allocation),
                Map.entry(utilization.getId(), utilization), Map.entry(power.tile().getId(), power.tile()),
                Map.entry(hottest.getId(), hottest), Map.entry(unhealthy.getId(), unhealthy),
                Map.entry(byModel.getId(), byModel), Map.entry(byRegion.getId(), byRegion),
                Map.entry(providers.getId(), providers), Map.entry(alerts.getId(), alerts),
                Map.entry(idleGpus.getId(), idleGpus), Map.entry(idleCost.getId(), idleCost));
    }

    private HBox header(String sourceLabel) {
        providerProblems.getStyleClass().add("provider-problems");
        providerProblems.setId("provider-problems");
        providerProblems.setWrapText(true);
        updated.setId("header-updated");
        return HeaderBar.of(sourceLabel, updated);
    }

    private GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("tile-grid");
        for (int c = 0; c < 5; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(20);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 3; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / 3);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        grid.add(totalGpus, 0, 0);
        grid.add(freeGpus, 1, 0);
        grid.add(sellableGpus, 2, 0);
        grid.add(allocation, 3, 0);
        grid.add(utilization, 0, 1);
        grid.add(power.tile(), 1, 1);
        grid.add(hottest, 2, 1);
        grid.add(unhealthy, 3, 1);
        grid.add(byModel, 0, 2, 2, 1);
        grid.add(byRegion, 2, 2);
        grid.add(providers, 3, 2);
        grid.add(alerts, 4, 0);
        grid.add(idleGpus, 4, 1);
        grid.add(idleCost, 4, 2);
        return grid;
    }

    /** The view's root node. */
    public BorderPane node() {
        return root;
    }

    /**
     * Shows the firing alerts and idle rented GPUs that go with the latest snapshot. FX thread only.
     *
     * @param firing   alerts firing now
     * @param idle     idle rented GPUs and what they cost
     * @param idleFor  how long a GPU must stay under the threshold to count (for the description)
     */
    public void updateAlertsAndIdle(java.util.List<dev.fleetdeck.service.alerts.Alert> firing,
                                    dev.fleetdeck.service.idle.IdleReport idle, java.time.Duration idleFor) {
        long crit = firing.stream().filter(a -> a.severity() == Health.CRIT).count();
        long acked = firing.stream().filter(a -> a.ackedAt().isPresent()).count();
        alerts.setValue(firing.size());
        alerts.setValueColor(crit > 0 ? Palette.of(Health.CRIT) : firing.isEmpty() ? Palette.of(Health.OK) : Palette.of(Health.WARN));
        alerts.setDescription(Units.count(crit) + " critical · " + Units.count(firing.size() - crit) + " warning");
        alerts.setText(firing.isEmpty() ? "nothing firing" : Units.count(acked) + " acknowledged · Ctrl+6 lists them");

        idleGpus.setValue(idle.idleGpus());
        idleGpus.setValueColor(idle.idleGpus() > 0 ? Palette.of(Health.WARN) : Palette.theme().text());
        idleGpus.setDescription("under the idle threshold for " + Units.age(idleFor) + " or more");
        idleGpus.setText(idle.nodes().isEmpty() ? "no rented GPU sits idle" : "on " + Units.count(idle.nodes().size())
                + " nodes of " + Units.count(idle.byTenant().size()) + " tenants");

        idleCost.setValue(idle.costPerHour());
        idleCost.setValueColor(idle.costPerHour() > 0 ? Palette.of(Health.WARN) : Palette.theme().text());
        idleCost.setDescription(idle.byTenant().isEmpty() ? "no tenant pays for idle GPUs"
                : "worst: " + idle.byTenant().getFirst().name() + " " + String.format(java.util.Locale.ENGLISH,
                "$%,.2f/h", idle.byTenant().getFirst().costPerHour()) + " for " + Units.age(
                idle.byTenant().getFirst().longestIdle()));
        idleCost.setText("idle rented GPUs × their price per GPU-hour");
    }

    /** Recolours every tile for the theme now in use ({@link Palette#theme()}) and redraws the latest values. */
    void applyTheme() {
        for (Tile tile : tiles.values()) {
            TileFactory.restyle(tile);
        }
        power.setStroke(Palette.theme().accent());
        if (current != null) {
            update(current);
        }
    }

    /** A tile by its id (for tests and the snapshot command). */
    public Tile tile(String id) {
        return tiles.get(id);
    }

    /** The snapshot shown now, or null before the first. */
    public FleetSnapshot current() {
        return current;
    }

    /** Shows a snapshot. FX thread only. */
    public void update(FleetSnapshot snap) {
        current = snap;
        FleetTotals t = snap.totals();
        Capacity all = t.capacity();
        updated.setText(Units.gpus(all.total()) + " · " + snap.nodes().size() + " nodes · updated "
                + CLOCK.format(snap.takenAt().atZone(zone)));

        totalGpus.setValue(all.total());
        totalGpus.setDescription(Units.count(t.nodes()) + (t.nodes() == 1 ? " node" : " nodes"));
        totalGpus.setText(Units.count(all.rented()) + " rented · " + Units.count(all.reserved()) + " reserved · "
                + Units.count(all.unavailable()) + " out of service");

        freeGpus.setValue(all.free());
        freeGpus.setDescription("of " + Units.gpus(all.total()));
        freeGpus.setText("lowest price " + Units.pricePerGpuHour(all.pricePerGpuHour()));

        sellableGpus.setValue(all.sellable());
        sellableGpus.setDescription(Units.count(all.free() - all.sellable()) + " free but unhealthy");
        sellableGpus.setValueColor(all.sellable() > 0 ? Palette.of(Health.OK) : Palette.of(Health.WARN));
        int[] market = dev.fleetdeck.model.MarketByModel.totals(snap.market());
        sellableGpus.setText(snap.market().isEmpty() ? "free GPUs with no health problem"
                : "market: " + marketText(market[0], market[1]) + " on " + market[2]
                + (market[2] == 1 ? " cloud" : " clouds") + " · Ctrl+7");

        allocation.setValue(all.allocationPct());
        allocation.setDescription(Units.count(all.rented() + all.reserved()) + " of " + Units.gpus(all.total()));
        allocation.setText(Units.count(all.free()) + " free · " + Units.count(all.unavailable()) + " out of service");

        boolean utilKnown = Metrics.isPresent(t.avgUtilizationPct());
        utilization.setValueVisible(utilKnown);
        utilization.setValue(utilKnown ? t.avgUtilizationPct() : 0);
        utilization.setDescription(utilKnown ? "over GPUs that report it" : "no GPU reports utilisation");

        String powerContext = Metrics.isPresent(t.powerLimitKw())
                ? "of " + Units.kilowatts(t.powerLimitKw()) + " power limits" : "no GPU reports power";
        var past = powerHistory == null ? null : powerHistory.apply(snap.takenAt());
        if (past != null && past.size() >= 2) {
            power.update(Units.kilowatts(t.powerKw()), past.epochMillis(), past.values(), powerContext);
        } else {
            power.update(Units.kilowatts(t.powerKw()), t.powerKw(), snap.takenAt(), powerContext);
        }

        updateHottest(t);

        unhealthy.setValue(t.unhealthyGpus());
        unhealthy.setDescription(Units.count(t.criticalGpus()) + " critical");
        unhealthy.setValueColor(t.criticalGpus() > 0 ? Palette.of(Health.CRIT)
                : t.unhealthyGpus() > 0 ? Palette.of(Health.WARN) : Palette.of(Health.OK));
        unhealthy.setText(t.unhealthyGpus() == 0 ? "all GPUs healthy" : "hot, XID, ECC, missing or down");

        modelGrid.setRows(modelRows(snap.byModel(), dev.fleetdeck.model.MarketByModel.of(snap.market())));
        regionGrid.setRows(regionRows(snap.byRegion()));
        providerGrid.setRows(providerRows(snap.providers(), snap.takenAt()));
        providerProblems.setText(problems(snap.providers()));
    }

    /** The last error of every provider in trouble, one per line; empty when all are fine. */
    static String problems(List<ProviderStatus> list) {
        StringBuilder text = new StringBuilder();
        for (ProviderStatus p : list) {
            if (p.state().isTrouble() && p.lastError().isPresent()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(Palette.symbol(Palette.healthOf(p.state()))).append(' ').append(p.lastError().get());
            }
        }
        return text.toString();
    }

    private void updateHottest(FleetTotals t) {
        hottest.setValueVisible(t.hottest().isPresent());
        if (t.hottest().isEmpty()) {
            hottest.setDescription("no GPU reports a temperature");
            hottest.setText("");
            return;
        }
        GpuRef ref = t.hottest().get();
        hottest.setValue(ref.value());
        hottest.setDescription(ref.hostname() + " · GPU " + ref.index());
        hottest.setText("provider " + ref.provider());
        Color color = ref.value() >= HOT_CRIT_C ? Palette.of(Health.CRIT)
                : ref.value() >= HOT_WARN_C ? Palette.of(Health.WARN) : Palette.of(Health.OK);
        hottest.setValueColor(color);
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
    static List<TextGrid.Row> modelRows(List<Capacity> list, java.util.Map<String, dev.fleetdeck.model.MarketByModel> market) {
        List<TextGrid.Row> rows = new ArrayList<>(list.size());
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (Capacity c : list) {
            shown.add(c.gpuModel());
            var m = market.get(c.gpuModel());
            rows.add(new TextGrid.Row(List.of(c.gpuModel(), Units.count(c.total()), Units.count(c.rented()),
                    Units.count(c.free()), Units.count(c.sellable()), Units.price(c.pricePerGpuHour()),
                    marketCell(m), m == null ? "" : Units.price(m.cheapestPerGpuHour())),
                    List.of("cell-key", "", "", "", c.sellable() > 0 ? "health-ok" : "health-warn", "cell-muted",
                            marketStyle(m), "cell-muted")));
        }
        for (var m : market.values()) {
            if (!shown.contains(m.model()) && m.inStock()) {
                rows.add(new TextGrid.Row(List.of(m.model(), "", "", "", "", "", marketCell(m),
                        Units.price(m.cheapestPerGpuHour())),
                        List.of("cell-key", "", "", "", "", "", marketStyle(m), "cell-muted")));
            }
        }
        return rows;
    }

    private static String marketCell(dev.fleetdeck.model.MarketByModel m) {
        if (m == null) {
            return "";
        }
        if (!m.inStock()) {
            return "sold out";
        }
        return m.listedGpus() > 0 ? Units.count(m.listedGpus()) : m.offersInStock() + " off.";
    }

    private static String marketStyle(dev.fleetdeck.model.MarketByModel m) {
        return m == null ? "" : m.inStock() ? "market-cell" : "cell-muted";
    }

    static List<TextGrid.Row> regionRows(List<Capacity> list) {
        List<TextGrid.Row> rows = new ArrayList<>(list.size());
        for (Capacity c : list) {
            rows.add(new TextGrid.Row(List.of(c.region(), Units.count(c.total()), Units.count(c.free()),
                    Units.count(c.sellable()), Units.percent(c.allocationPct(), 0)),
                    List.of("cell-key", "", "", c.sellable() > 0 ? "health-ok" : "health-warn", "")));
        }
        return rows;
    }

    static List<TextGrid.Row> providerRows(List<ProviderStatus> list, Instant now) {
        List<TextGrid.Row> rows = new ArrayList<>(list.size());
        for (ProviderStatus p : list) {
            Health h = Palette.healthOf(p.state());
            String age = p.dataAge(now).map(Units::age).orElse("no data");
            rows.add(new TextGrid.Row(List.of(p.name(), Palette.symbol(h) + " " + p.state().label(), age,
                    Units.count(p.nodes())),
                    List.of("cell-key", Palette.styleClass(h), "", "")));
        }
        return rows;
    }

    /** The table of capacity per model, for tests. */
    TextGrid modelGrid() {
        return modelGrid;
    }

    /** The power trend, for tests. */
    TrendTile powerTrend() {
        return power;
    }

    /** The provider table, for tests. */
    TextGrid providerGrid() {
        return providerGrid;
    }
}
