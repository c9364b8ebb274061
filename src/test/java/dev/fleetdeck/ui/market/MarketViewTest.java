package dev.fleetdeck.ui.market;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Offer;
import dev.fleetdeck.model.OfferKind;
import dev.fleetdeck.model.StockLevel;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.assembly.ProviderView;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.ui.theme.Stylesheets;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Market view: one column per cloud, freshness per cloud, sorting, the spot toggle and the filter. */
@ExtendWith(ApplicationExtension.class)
class MarketViewTest {
    private MarketView view;

    @Start
    void start(Stage stage) {
        view = new MarketView();
        Scene scene = new Scene(view.node(), 1000, 600);
        scene.getStylesheets().add(Stylesheets.dark());
        stage.setScene(scene);
        stage.show();
    }

    private static FleetSnapshot snapshot() {
        Instant now = TestFleet.NOW;
        List<Offer> lambda = List.of(
                new Offer("lambda", "H100", "H100 (80 GB SXM5)", "gpu_8x_h100_sxm5", 8, "us-east-1", -1,
                        StockLevel.AVAILABLE, 2.99, OfferKind.ON_DEMAND),
                new Offer("lambda", "B200", "B200", "gpu_8x_b200", 8, "us-east-1", -1, StockLevel.NONE, 4.99,
                        OfferKind.ON_DEMAND));
        List<Offer> vast = List.of(
                new Offer("vast", "H100", "H100 SXM", "8x H100 SXM", 8, "us-east-1", 128, StockLevel.AVAILABLE, 2.2,
                        OfferKind.ON_DEMAND),
                new Offer("vast", "RTX4090", "RTX 4090", "1x RTX 4090", 1, "SE", 40, StockLevel.AVAILABLE, 0.35,
                        OfferKind.COMMUNITY));
        var lambdaView = TestFleet.ok("lambda", now.minusSeconds(12), List.of());
        lambdaView = new ProviderView(lambdaView.status(), Optional.of(new ProviderSnapshot("lambda",
                now.minusSeconds(12), List.of(), List.of(), lambda)));
        var vastView = TestFleet.ok("vast", now.minusSeconds(3), List.of());
        vastView = new ProviderView(vastView.status(), Optional.of(new ProviderSnapshot("vast", now.minusSeconds(3),
                List.of(), List.of(), vast)));
        return new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(5)).assemble(1, now,
                List.of(lambdaView, vastView));
    }

    @Test
    void cloudsSideBySideWithFreshnessSortingAndFilters(FxRobot robot) {
        robot.interact(() -> view.update(snapshot()));
        @SuppressWarnings("unchecked")
        TableView<MarketRows.Row> table = robot.lookup("#market-table").queryAs(TableView.class);
        assertEquals(List.of("GPU model", "Region", "lambda", "vast", "Counted GPUs", "Best $/GPU-h", "Best at"),
                table.getColumns().stream().map(TableColumn::getText).toList());
        assertEquals(List.of("B200", "H100"), view.shownRows().stream().map(MarketRows.Row::model).toList(),
                "on-demand only by default; sorted by model");
        MarketRows.Row h100 = view.shownRows().get(1);
        assertEquals("128 GPUs · $2.20", h100.cells().get("vast").text());
        assertEquals("vast", h100.bestAt());

        String freshness = robot.lookup("#market-freshness").queryAs(javafx.scene.layout.HBox.class).getChildren()
                .stream().map(n -> ((Label) ((javafx.scene.layout.HBox) n).getChildren().get(1)).getText()).toList()
                .toString();
        assertTrue(freshness.contains("lambda · ok · 12 s old · 2 offers"), freshness);
        assertTrue(freshness.contains("vast · ok · 3 s old · 2 offers"), freshness);

        // Sort by the vast column: most in stock first.
        robot.interact(() -> {
            TableColumn<MarketRows.Row, ?> vastColumn = table.getColumns().get(3);
            table.getSortOrder().setAll(List.of(vastColumn));
        });
        assertEquals("H100", view.shownRows().getFirst().model());

        robot.interact(() -> robot.lookup("#market-spot").queryAs(CheckBox.class).fire());
        assertEquals(3, view.shownRows().size(), "community offers join");
        robot.interact(() -> robot.lookup("#market-filter").queryAs(TextField.class).setText("rtx"));
        assertEquals(List.of("RTX4090"), view.shownRows().stream().map(MarketRows.Row::model).toList());
        assertTrue(robot.lookup("#market-counts").queryAs(Label.class).getText().startsWith("1 model × region rows"));
    }
}
