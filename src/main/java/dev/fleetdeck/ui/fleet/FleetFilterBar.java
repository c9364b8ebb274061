package dev.fleetdeck.ui.fleet;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.ui.common.ScaledWidths;
import dev.fleetdeck.ui.common.Columns;
import dev.fleetdeck.ui.common.ToolBars;
import dev.fleetdeck.ui.theme.Palette;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import org.controlsfx.control.CheckComboBox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The fleet table's filter bar: a text field and one ControlsFX check-list per dimension (state, health, model,
 * region, provider, tenant). Every change hands a new {@link FleetFilter} to the table. FX thread only.
 */
final class FleetFilterBar {
    private final FlowPane root = ToolBars.wrapping();
    private final TextField text = new TextField();
    private final CheckComboBox<NodeState> states = new CheckComboBox<>();
    private final CheckComboBox<Health> health = new CheckComboBox<>();
    private final CheckComboBox<String> models = new CheckComboBox<>();
    private final CheckComboBox<String> regions = new CheckComboBox<>();
    private final CheckComboBox<String> providers = new CheckComboBox<>();
    private final CheckComboBox<String> tenants = new CheckComboBox<>();
    private final Consumer<FleetFilter> onChange;
    private boolean quiet;

    FleetFilterBar(Consumer<FleetFilter> onChange) {
        this.onChange = onChange;
        text.setId("fleet-filter-text");
        text.setPromptText("Filter: node, tenant, model, region, GPU UUID…");
        text.setPrefColumnCount(28);
        text.textProperty().addListener((o, a, b) -> changed());
        states.getItems().setAll(NodeState.values());
        health.getItems().setAll(Health.CRIT, Health.WARN, Health.UNKNOWN, Health.OK);
        setUp(states, "fleet-filter-state", "State", NodeState::label);
        setUp(health, "fleet-filter-health", "Health", h -> Palette.symbol(h) + " " + h.label());
        setUp(models, "fleet-filter-model", "Model", s -> s);
        setUp(regions, "fleet-filter-region", "Region", s -> s);
        setUp(providers, "fleet-filter-provider", "Provider", s -> s);
        setUp(tenants, "fleet-filter-tenant", "Tenant", s -> s);
        Button clear = new Button("Clear filters");
        clear.setId("fleet-filter-clear");
        clear.setOnAction(e -> set(FleetFilter.NONE));
        for (javafx.scene.Node n : List.of(text, states, health, models, regions, providers, tenants, clear)) {
            ToolBars.add(root, n);
        }
    }

    private <T> void setUp(CheckComboBox<T> box, String id, String title, Function<T, String> label) {
        box.setId(id);
        box.setTitle(title);
        box.setShowCheckedCount(true);
        // Wide enough for its title with a count ("Provider (12/34)"), whatever the items: the box sizes to them.
        javafx.scene.text.Text measure = new javafx.scene.text.Text(title + " (88/88)");
        measure.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), 14));
        box.setPrefWidth(Math.ceil(measure.getLayoutBounds().getWidth()) + 48);
        ScaledWidths.mark(box);
        box.setConverter(Columns.toText(label));
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> changed());
    }

    private void changed() {
        if (!quiet) {
            onChange.accept(current());
        }
    }

    FleetFilter current() {
        return new FleetFilter(text.getText() == null ? "" : text.getText(),
                Set.copyOf(states.getCheckModel().getCheckedItems()),
                Set.copyOf(health.getCheckModel().getCheckedItems()),
                Set.copyOf(models.getCheckModel().getCheckedItems()),
                Set.copyOf(regions.getCheckModel().getCheckedItems()),
                Set.copyOf(providers.getCheckModel().getCheckedItems()),
                Set.copyOf(tenants.getCheckModel().getCheckedItems()));
    }

    /** Shows a filter (without echoing it back as a change), then reports it once. */
    void set(FleetFilter f) {
        quiet = true;
        try {
            text.setText(f.text());
            check(states, f.states());
            check(health, f.health());
            addMissing(models, f.models());
            addMissing(regions, f.regions());
            addMissing(providers, f.providers());
            addMissing(tenants, f.tenants());
            check(models, f.models());
            check(regions, f.regions());
            check(providers, f.providers());
            check(tenants, f.tenants());
        } finally {
            quiet = false;
        }
        onChange.accept(current());
    }

    /** Offers the values the fleet has now, keeping what is checked. */
    void setFacets(FleetRows.Facets facets) {
        quiet = true;
        try {
            refill(models, facets.models());
            refill(regions, facets.regions());
            refill(providers, facets.providers());
            refill(tenants, facets.tenants());
        } finally {
            quiet = false;
        }
    }

    private static <T> void refill(CheckComboBox<T> box, List<T> values) {
        if (box.getItems().equals(values)) {
            return;
        }
        Set<T> checked = new HashSet<>(box.getCheckModel().getCheckedItems());
        box.getCheckModel().clearChecks();
        box.getItems().setAll(values);
        for (T t : checked) {
            if (!box.getItems().contains(t)) {
                box.getItems().add(t);
            }
            box.getCheckModel().check(t);
        }
    }

    private static <T> void addMissing(CheckComboBox<T> box, Set<T> values) {
        for (T t : values) {
            if (!box.getItems().contains(t)) {
                box.getItems().add(t);
            }
        }
    }

    private static <T> void check(CheckComboBox<T> box, Set<T> values) {
        box.getCheckModel().clearChecks();
        for (T t : values) {
            box.getCheckModel().check(t);
        }
    }

    FlowPane node() {
        return root;
    }

    CheckComboBox<NodeState> states() {
        return states;
    }

    TextField text() {
        return text;
    }
}
