package dev.fleetdeck.ui.showroom;

import dev.fleetdeck.model.Units;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.List;

/** "Available now": per GPU model, the GPUs ready to rent (free and healthy) and the price per GPU-hour. */
final class ModelsPage implements ShowroomPage {
    private final StackPane root = new StackPane();
    private final String currency;
    private List<String> shown = List.of();
    private final List<Cards.Card> cards = new ArrayList<>();

    ModelsPage(String currency) {
        this.currency = currency;
        root.getStyleClass().add("sr-page");
    }

    @Override
    public String title() {
        return "Available now";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(ShowroomFigures f) {
        List<String> models = f.models().stream().map(ShowroomFigures.ModelFigure::model).toList();
        if (!models.equals(shown)) {
            cards.clear();
            models.forEach(m -> cards.add(new Cards.Card()));
            root.getChildren().setAll(Cards.grid(cards));
            shown = models;
        }
        for (int i = 0; i < cards.size(); i++) {
            ShowroomFigures.ModelFigure m = f.models().get(i);
            Cards.Card c = cards.get(i);
            c.name.setText(m.model());
            c.big.setText(Units.count(m.sellable()));
            c.big.getStyleClass().setAll("label", "sr-card-big", m.sellable() > 0 ? "sr-accent" : "sr-none");
            c.caption.setText(m.sellable() == 1 ? "GPU ready now" : "GPUs ready now");
            c.detail.setText(Units.count(m.free()) + " free · " + Units.count(m.total()) + " in the fleet");
            c.extra.setText(ShowroomText.price(m.pricePerGpuHour(), currency));
        }
    }
}
