package dev.fleetdeck.ui.showroom;

import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.ui.common.chart.TimeChart;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.List;

/** "The fleet right now": utilisation, power and size of the whole fleet, with the day's utilisation. */
final class LivePage implements ShowroomPage {
    private final VBox root = new VBox();
    private final List<Cards.Card> cards = List.of(new Cards.Card(), new Cards.Card(), new Cards.Card());
    private final TimeChart trend;
    private final Label trendCaption = Cards.label("sr-card-caption");
    private final Color accent;

    LivePage(Color accent) {
        this.accent = accent;
        this.trend = ShowroomTrends.chart(false, 100, accent);
        root.getStyleClass().addAll("sr-page", "sr-live");
        HBox row = new HBox();
        row.getStyleClass().add("sr-row");
        for (Cards.Card c : cards) {
            HBox.setHgrow(c.box, Priority.ALWAYS);
            c.box.setMaxWidth(Double.MAX_VALUE);
            row.getChildren().add(c.box);
        }
        VBox.setVgrow(trend, Priority.ALWAYS);
        root.getChildren().addAll(row, trendCaption, trend);
        cards.get(0).name.setText("Utilisation");
        cards.get(1).name.setText("Power draw");
        cards.get(2).name.setText("GPUs in the fleet");
    }

    @Override
    public String title() {
        return "The fleet right now";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(ShowroomFigures f) {
        Cards.Card util = cards.get(0);
        util.big.setText(Metrics.isPresent(f.utilizationPct()) ? Units.percent(f.utilizationPct(), 0) : "—");
        util.big.getStyleClass().setAll("label", "sr-card-big", "sr-accent");
        util.caption.setText("of GPU time busy, fleet-wide");
        Cards.Card power = cards.get(1);
        power.big.setText(ShowroomText.power(f.powerKw()));
        power.big.getStyleClass().setAll("label", "sr-card-big");
        power.caption.setText("drawn by the GPUs now");
        Cards.Card size = cards.get(2);
        size.big.setText(Units.count(f.totalGpus()));
        size.big.getStyleClass().setAll("label", "sr-card-big");
        size.caption.setText(Units.count(f.sellable()) + " ready to rent now");
        long points = java.util.Arrays.stream(f.utilization().values()).filter(v -> !Double.isNaN(v)).count();
        trendCaption.setText(points < 2 ? "utilisation over the last 24 hours: gathering data"
                : "utilisation over the last 24 hours");
        ShowroomTrends.show(trend, f.utilization());
    }
}
