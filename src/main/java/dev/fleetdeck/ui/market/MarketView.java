package dev.fleetdeck.ui.market;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.OfferKind;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.model.StockLevel;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.ui.common.ScaledWidths;
import dev.fleetdeck.ui.common.Columns;
import dev.fleetdeck.ui.common.FleetView;
import dev.fleetdeck.ui.common.HeaderBar;
import dev.fleetdeck.ui.common.ToolBars;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.theme.Palette;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ctrl+7, "Market": what the configured clouds offer for rent now, GPU model × region, with each cloud's stock and
 * best price side by side and the best price of the row; every column sorts. A strip says how fresh each cloud's
 * answer is. This is other clouds' capacity, never mixed into the fleet's own figures. FX thread.
 */
public final class MarketView implements FleetView {
    private final BorderPane root = new BorderPane();
    private final ObservableList<MarketRows.Row> rows = FXCollections.observableArrayList();
    private final TableView<MarketRows.Row> table = new TableView<>();
    private final HBox freshness = new HBox(18);
    private final CheckBox spot = new CheckBox("Include spot and community");
    private final TextField filter = new TextField();
    private final Label counts = new Label();
    private final javafx.collections.transformation.SortedList<MarketRows.Row> sorted;
    private final javafx.collections.transformation.FilteredList<MarketRows.Row> filtered;
    private List<String> providerColumns = List.of();
    private FleetSnapshot latest;

    public MarketView() {
        filtered = new javafx.collections.transformation.FilteredList<>(rows);
        sorted = new javafx.collections.transformation.SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("market-table");
        table.getStyleClass().add("fleet-table");
        table.setFixedCellSize(30);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No cloud offers. Add a lambda, runpod, vast, together, lepton or http-json "
                + "source (Settings, Ctrl+,) to see what the clouds have for rent."));
        spot.setId("market-spot");
        spot.setOnAction(e -> refresh());
        filter.setPromptText("Filter: model, region or cloud");
        filter.setId("market-filter");
        filter.setPrefWidth(280);
        ScaledWidths.mark(filter);
        filter.textProperty().addListener((obs, was, is) -> applyFilter());
        Label title = new Label("Market capacity: what the clouds rent out now (not our fleet)");
        title.getStyleClass().add("toolbar-label");
        counts.getStyleClass().add("toolbar-label");
        counts.setId("market-counts");
        FlowPane bar = ToolBars.wrapping(title, filter, spot);
        freshness.setId("market-freshness");
        freshness.getStyleClass().add("market-freshness");
        freshness.setAlignment(Pos.CENTER_LEFT);
        root.setTop(new VBox(HeaderBar.of("Market", counts), bar, freshness));
        root.setCenter(table);
        root.getStyleClass().add("market-view");
    }

    @Override
    public BorderPane node() {
        return root;
    }

    @Override
    public ViewId id() {
        return ViewId.MARKET;
    }

    /** Shows a frame's snapshot. FX thread. */
    @Override
    public void show(FleetFrame frame) {
        update(frame.snapshot());
    }

    /** Follows a new snapshot. */
    public void update(FleetSnapshot snap) {
        latest = snap;
        refresh();
    }

    private void refresh() {
        if (latest == null) {
            return;
        }
        Set<OfferKind> kinds = spot.isSelected() ? EnumSet.allOf(OfferKind.class)
                : EnumSet.of(OfferKind.ON_DEMAND, OfferKind.RESERVED);
        List<MarketRows.Row> next = MarketRows.of(latest.market(), kinds);
        List<String> providers = marketProviders(latest);
        if (!providers.equals(providerColumns)) {
            providerColumns = providers;
            rebuildColumns();
        }
        rows.setAll(next);
        applyFilter();
        updateFreshness(latest);
    }

    private void applyFilter() {
        String[] words = filter.getText() == null ? new String[0]
                : filter.getText().strip().toLowerCase(Locale.ROOT).split("\\s+");
        filtered.setPredicate(r -> {
            String hay = (r.model() + " " + r.region() + " " + String.join(" ", r.cells().keySet()))
                    .toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!w.isEmpty() && !hay.contains(w)) {
                    return false;
                }
            }
            return true;
        });
        long inStock = filtered.stream().filter(MarketRows.Row::inStock).count();
        int gpus = filtered.stream().mapToInt(MarketRows.Row::listedGpus).sum();
        counts.setText(filtered.size() + " model × region rows · " + inStock + " in stock · " + Units.gpus(gpus)
                + " counted");
    }

    /** Sources with offers, plus cloud sources in trouble (so a silent cloud is visible), in configuration order. */
    static List<String> marketProviders(FleetSnapshot snap) {
        Set<String> withOffers = new LinkedHashSet<>();
        snap.market().forEach(o -> withOffers.add(o.provider()));
        List<String> out = new ArrayList<>();
        for (ProviderStatus p : snap.providers()) {
            if (withOffers.contains(p.name()) || CLOUD_TYPES.contains(p.type())) {
                out.add(p.name());
            }
        }
        return out;
    }

    /** Types whose sources sell capacity (their columns show even before their first answer). */
    static final Set<String> CLOUD_TYPES = Set.of("lambda", "runpod", "vast", "http-json");

    private void rebuildColumns() {
        List<TableColumn<MarketRows.Row, ?>> columns = new ArrayList<>();
        TableColumn<MarketRows.Row, String> model = Columns.text("GPU model", 120, MarketRows.Row::model);
        model.setSortable(true);
        TableColumn<MarketRows.Row, String> region = Columns.text("Region", 150, MarketRows.Row::region);
        region.setSortable(true);
        columns.add(model);
        columns.add(region);
        for (String provider : providerColumns) {
            columns.add(providerColumn(provider));
        }
        TableColumn<MarketRows.Row, Number> listed = new TableColumn<>("Counted GPUs");
        listed.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().listedGpus()));
        listed.setCellFactory(c -> numberCell(v -> v.intValue() == 0 ? "" : Units.count(v.intValue())));
        listed.setPrefWidth(120);
        TableColumn<MarketRows.Row, Number> best = new TableColumn<>("Best $/GPU-h");
        best.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(Double.isNaN(f.getValue().bestPrice())
                ? Double.MAX_VALUE : f.getValue().bestPrice()));
        best.setCellFactory(c -> numberCell(v -> v.doubleValue() == Double.MAX_VALUE ? "—" : Units.price(v.doubleValue())));
        best.setPrefWidth(120);
        TableColumn<MarketRows.Row, String> at = Columns.text("Best at", 140, MarketRows.Row::bestAt);
        at.setSortable(true);
        columns.add(listed);
        columns.add(best);
        columns.add(at);
        columns.forEach(c -> c.setReorderable(false));
        table.getColumns().setAll(columns);
        table.getSortOrder().setAll(List.of(model, region));
    }

    private TableColumn<MarketRows.Row, MarketRows.Cell> providerColumn(String provider) {
        TableColumn<MarketRows.Row, MarketRows.Cell> c = new TableColumn<>(provider);
        c.setId("market-col-" + provider);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().cells().get(provider)));
        c.setComparator(java.util.Comparator.nullsLast(MarketRows.BY_STOCK));
        c.setPrefWidth(190);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(MarketRows.Cell cell, boolean empty) {
                super.updateItem(cell, empty);
                getStyleClass().removeAll("health-ok", "health-warn", "cell-muted");
                if (empty || cell == null) {
                    setText(empty ? null : "—");
                    if (!empty) {
                        getStyleClass().add("cell-muted");
                    }
                    return;
                }
                setText(cell.text());
                getStyleClass().add(!cell.inStock() ? "cell-muted"
                        : cell.level() == StockLevel.LOW && cell.stockGpus() < 0 ? "health-warn"
                        : "health-ok");
            }
        });
        return c;
    }

    private static <T> TableCell<MarketRows.Row, T> numberCell(java.util.function.Function<T, String> text) {
        TableCell<MarketRows.Row, T> cell = new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
        cell.getStyleClass().add("number-cell");
        return cell;
    }

    private void updateFreshness(FleetSnapshot snap) {
        freshness.getChildren().clear();
        Instant now = snap.takenAt();
        for (String name : providerColumns) {
            ProviderStatus p = snap.providers().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
            if (p == null) {
                continue;
            }
            Health h = Palette.healthOf(p.state());
            long offers = snap.market().stream().filter(o -> o.provider().equals(name)).count();
            Label symbol = new Label(Palette.symbol(h));
            symbol.getStyleClass().add(Palette.styleClass(h));
            Label text = new Label(name + " · " + p.state().label() + " · " + p.dataAge(now).map(Units::age)
                    .map(a -> a + " old").orElse("no answer yet") + " · " + offers + (offers == 1 ? " offer" : " offers"));
            text.getStyleClass().add("market-fresh-text");
            HBox chip = new HBox(4, symbol, text);
            chip.setAlignment(Pos.CENTER_LEFT);
            p.lastError().filter(e -> p.state().isTrouble()).ifPresent(e -> javafx.scene.control.Tooltip.install(chip,
                    new javafx.scene.control.Tooltip(e)));
            freshness.getChildren().add(chip);
        }
    }

    /** Rows now shown (tests). */
    public List<MarketRows.Row> shownRows() {
        return List.copyOf(sorted);
    }
}
