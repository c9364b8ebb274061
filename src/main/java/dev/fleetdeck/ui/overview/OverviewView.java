package dev.fleetdeck.ui.overview;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.ui.common.FleetView;
import dev.fleetdeck.ui.common.FontScaling;
import dev.fleetdeck.ui.common.HeaderBar;
import dev.fleetdeck.ui.common.TextGrid;
import dev.fleetdeck.ui.common.TimeRangePicker;
import dev.fleetdeck.ui.common.TypeScale;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.theme.Palette;
import eu.hansolo.tilesfx.Tile;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.paint.Color;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The overview: a header and a 4 × 3 grid of tiles answering "how big, how full, how healthy, how are the sources".
 * Built and updated on the JavaFX thread; {@link #show} computes an {@link OverviewViewModel} and copies its figures
 * onto the tiles, once per frame.
 */
public final class OverviewView implements FleetView {

    private final BorderPane root = new BorderPane();
    private final Label updated = new Label("waiting for the first poll…");
    private final ZoneId zone;
    private final Map<String, Tile> tiles;
    private final ValueTile totalGpus;
    private final ValueTile freeGpus;
    private final ValueTile sellableGpus;
    private final ValueTile allocation;
    private final ValueTile utilization;
    private final TrendTile power = new TrendTile("tile-power", "Fleet power draw");
    private Duration range = OverviewViewModel.POWER_WINDOW;
    private FleetFrame reference;
    private String referenceLabel = "";
    private final ValueTile hottest;
    private final ValueTile unhealthy;
    private final ValueTile alerts;
    private final ValueTile idleGpus;
    private final ValueTile idleCost;
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
    private FleetFrame current;

    /**
     * @param sourceLabel what is shown, e.g. "built-in simulated fleet" or a config file name
     * @param zone        time zone for clock times
     * @param typeScale   the window's type scale
     */
    public OverviewView(String sourceLabel, ZoneId zone, TypeScale typeScale) {
        this.zone = zone;
        totalGpus = new ValueTile("tile-total-gpus", "Total GPUs", "GPUs", typeScale);
        freeGpus = new ValueTile("tile-free-gpus", "Free GPUs", "GPUs", typeScale);
        sellableGpus = new ValueTile("tile-sellable-gpus", "Sellable GPUs (free and healthy)", "GPUs", typeScale);
        allocation = new ValueTile("tile-allocation", "Allocation (rented + reserved)", "%", typeScale);
        utilization = new ValueTile("tile-utilization", "Average GPU utilisation", "%", typeScale).withMeter();
        hottest = new ValueTile("tile-hottest", "Hottest GPU", "°C", typeScale);
        unhealthy = new ValueTile("tile-unhealthy", "Unhealthy GPUs", "GPUs", typeScale);
        alerts = new ValueTile("tile-alerts", "Firing alerts", "alerts", typeScale);
        idleGpus = new ValueTile("tile-idle-gpus", "Idle rented GPUs", "GPUs", typeScale);
        idleCost = new ValueTile("tile-idle-cost", "Idle cost", "", typeScale);
        root.getStyleClass().add("overview");
        root.setTop(header(sourceLabel));
        root.setCenter(grid());
        FontScaling.bind(modelGrid.node(), byModel, 46, 11, 17, typeScale);
        FontScaling.bind(regionGrid.node(), byRegion, 24, 11, 17, typeScale);
        FontScaling.bind(providerGrid.node(), providers, 24, 11, 17, typeScale);
        FontScaling.bind(power.content(), power.tile(), 21, 10, 17, typeScale);
        tiles = new java.util.LinkedHashMap<>();
        for (Tile t : List.of(totalGpus.tile(), freeGpus.tile(), sellableGpus.tile(), allocation.tile(), utilization.tile(),
                power.tile(), hottest.tile(), unhealthy.tile(), byModel, byRegion, providers, alerts.tile(),
                idleGpus.tile(), idleCost.tile())) {
            tiles.put(t.getId(), t);
        }
        tiles.values().forEach(t -> TileFonts.follow(t, typeScale));
    }

    private HBox header(String sourceLabel) {
        providerProblems.getStyleClass().add("provider-problems");
        providerProblems.setId("provider-problems");
        providerProblems.setWrapText(true);
        updated.setId("header-updated");
        HBox bar = HeaderBar.of(sourceLabel, updated);
        // The overview's one chart (fleet power) follows the range; fleet history keeps every poll for 1 h, a day of minutes.
        TimeRangePicker picker = new TimeRangePicker("overview-range", List.of(Duration.ofMinutes(5),
                Duration.ofHours(1), Duration.ofHours(24)), Duration.ofHours(24), d -> {
                    range = d;
                    if (current != null) {
                        show(current);
                    }
                }, OverviewViewModel.POWER_WINDOW);
        bar.getChildren().add(bar.getChildren().size() - 1, picker.node());
        return bar;
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
        grid.add(totalGpus.tile(), 0, 0);
        grid.add(freeGpus.tile(), 1, 0);
        grid.add(sellableGpus.tile(), 2, 0);
        grid.add(allocation.tile(), 3, 0);
        grid.add(utilization.tile(), 0, 1);
        grid.add(power.tile(), 1, 1);
        grid.add(hottest.tile(), 2, 1);
        grid.add(unhealthy.tile(), 3, 1);
        grid.add(byModel, 0, 2, 2, 1);
        grid.add(byRegion, 2, 2);
        grid.add(providers, 3, 2);
        grid.add(alerts.tile(), 4, 0);
        grid.add(idleGpus.tile(), 4, 1);
        grid.add(idleCost.tile(), 4, 2);
        return grid;
    }

    /** The view's root node. */
    @Override
    public BorderPane node() {
        return root;
    }

    /** Recolours every tile for the theme now in use ({@link Palette#theme()}) and redraws the latest values. */
    public void applyTheme() {
        for (Tile tile : tiles.values()) {
            TileFactory.restyle(tile);
        }
        if (current != null) {
            show(current);
        }
    }

    /** A tile by its id (for tests and the snapshot command). */
    public Tile tile(String id) {
        return tiles.get(id);
    }

    /** The snapshot shown now, or null before the first. */
    public FleetSnapshot current() {
        return current == null ? null : current.snapshot();
    }

    @Override
    public ViewId id() {
        return ViewId.OVERVIEW;
    }

    /** Shows a frame: computes the tiles' figures, then copies them onto the tiles. FX thread only. */
    @Override
    public void show(FleetFrame frame) {
        current = frame;
        OverviewViewModel vm = OverviewViewModel.of(frame, zone, range);
        if (reference != null) {
            vm = Comparison.apply(vm, OverviewViewModel.of(reference, zone, range), referenceLabel);
        }
        updated.setText(vm.updated());
        count(totalGpus, vm.totalGpus());
        count(freeGpus, vm.freeGpus());
        count(sellableGpus, vm.sellableGpus());
        allocation.show(vm.allocation(), Units.number(vm.allocation().value(), 1));
        utilization.show(vm.utilization(), Units.number(vm.utilization().value(), 0));
        OverviewViewModel.Power p = vm.power();
        power.setScaleTop(p.limitKw() > 0 ? p.limitKw() : Double.NaN);
        if (p.past().size() >= 2) {
            power.update(p.valueText(), p.past().epochMillis(), p.past().values(), p.at(), range, p.context());
        } else {
            power.update(p.valueText(), p.kw(), p.at(), range, p.context());
        }
        hottest.show(vm.hottest(), Units.number(vm.hottest().value(), 0));
        count(unhealthy, vm.unhealthy());
        count(alerts, vm.alerts());
        count(idleGpus, vm.idleGpus());
        idleCost.show(vm.idleCost(), Units.costPerHour(vm.idleCost().value()));
        modelGrid.setRows(rows(vm.byModel()));
        regionGrid.setRows(rows(vm.byRegion()));
        providerGrid.setRows(rows(vm.providers()));
        providerProblems.setText(vm.providerProblems());
    }

    /**
     * Compares every tile with another moment's frame ("compare with…"), or stops comparing ({@code null}). FX
     * thread only.
     *
     * @param label how the other moment is named ("1 d before")
     */
    public void compareWith(FleetFrame other, String label) {
        reference = other;
        referenceLabel = label;
        if (current != null) {
            show(current);
        }
    }

    /** Shows a snapshot with nothing else (no alerts, idle GPUs or past): tests. FX thread only. */
    public void update(FleetSnapshot snap) {
        show(FleetFrame.of(snap));
    }

    private static void count(ValueTile tile, OverviewViewModel.Figure f) {
        tile.show(f, Units.number(f.value(), 0));
    }

    private static List<TextGrid.Row> rows(List<OverviewViewModel.Row> rows) {
        List<TextGrid.Row> out = new ArrayList<>(rows.size());
        for (OverviewViewModel.Row r : rows) {
            out.add(new TextGrid.Row(r.cells(), r.styles()));
        }
        return out;
    }

    /** The table of capacity per model, for tests. */
    TextGrid modelGrid() {
        return modelGrid;
    }

    /** The idle cost's text, for tests. */
    String idleCostText() {
        return idleCost.valueText();
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
