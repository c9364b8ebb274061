package dev.fleetdeck.ui.showroom;

import dev.fleetdeck.model.Units;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.List;

/** "Capacity by region": GPUs ready per region, with how much of the region is in use. */
final class RegionsPage implements ShowroomPage {
    private final StackPane root = new StackPane();
    private List<String> shown = List.of();
    private final List<Cards.Card> cards = new ArrayList<>();

    RegionsPage() {
        root.getStyleClass().add("sr-page");
    }

    @Override
    public String title() {
        return "Capacity by region";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(ShowroomFigures f) {
        List<String> regions = f.regions().stream().map(ShowroomFigures.RegionFigure::region).toList();
        if (!regions.equals(shown)) {
            cards.clear();
            regions.forEach(r -> cards.add(new Cards.Card()));
            root.getChildren().setAll(Cards.grid(cards));
            shown = regions;
        }
        for (int i = 0; i < cards.size(); i++) {
            ShowroomFigures.RegionFigure r = f.regions().get(i);
            Cards.Card c = cards.get(i);
            c.name.setText(r.region());
            c.big.setText(Units.count(r.sellable()));
            c.big.getStyleClass().setAll("label", "sr-card-big", r.sellable() > 0 ? "sr-accent" : "sr-none");
            c.caption.setText(r.sellable() == 1 ? "GPU ready now" : "GPUs ready now");
            c.detail.setText(Units.count(r.free()) + " free of " + Units.count(r.total()));
            double inUse = r.total() == 0 ? 0 : 100.0 * (r.total() - r.free()) / r.total();
            c.extra.setText(Units.percent(inUse, 0) + " in use");
        }
    }
}
