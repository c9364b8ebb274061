package dev.fleetdeck.ui.overview;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.ui.theme.HealthSymbols;
import eu.hansolo.tilesfx.Tile;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A tile whose value is text formatted like every other amount ("$1,234.50/h"), where a TilesFX number tile would
 * put the currency after the number ("0.00 $/h"). FX thread only.
 */
final class AmountTile {
    private final Label value = new Label("—");
    private final Label description = new Label();
    private final Label text = new Label();
    private final VBox box;
    private final Tile tile;

    AmountTile(String id, String title) {
        value.getStyleClass().add("amount-value");
        description.getStyleClass().add("trend-detail");
        text.getStyleClass().add("trend-detail");
        description.setWrapText(true);
        text.setWrapText(true);
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        box = new VBox(value, description, gap, text);
        box.setAlignment(Pos.TOP_RIGHT);
        box.getStyleClass().add("trend-box");
        tile = TileFactory.custom(id, title, box);
    }

    Tile tile() {
        return tile;
    }

    VBox content() {
        return box;
    }

    /** Shows the amount, its two lines and its colour by health (null: the theme's text colour). */
    void show(String amount, String descriptionText, String bottomText, Health health) {
        value.setText(amount);
        description.setText(descriptionText);
        text.setText(bottomText);
        value.getStyleClass().removeIf(s -> s.startsWith("health-"));
        if (health != null) {
            value.getStyleClass().add(HealthSymbols.styleClass(health));
        }
    }

    String valueText() {
        return value.getText();
    }
}
