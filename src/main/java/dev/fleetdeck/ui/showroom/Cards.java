package dev.fleetdeck.ui.showroom;

import dev.fleetdeck.ui.common.ShrinkToFit;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

import java.util.List;

/** Big-number cards laid out in an even grid, for the model and region pages. */
final class Cards {
    /** One card: a name, a big number (drawn smaller when its digits do not fit), two lines of context. */
    static final class Card {
        final VBox box = new VBox();
        final Label name = label("sr-card-name");
        final Label big = label("sr-card-big");
        final Label caption = label("sr-card-caption");
        final Label detail = label("sr-card-detail");
        final Label extra = label("sr-card-extra");

        Card() {
            big.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().addAll(name, new ShrinkToFit(big, HPos.LEFT), caption, detail, extra);
            box.getStyleClass().add("sr-card");
            box.setAlignment(Pos.CENTER_LEFT);
        }
    }

    private Cards() {
    }

    static Label label(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        l.setMinWidth(0);
        return l;
    }

    /** Lays {@code cards} out in up to 3 columns, rows sharing the height. */
    static GridPane grid(List<Card> cards) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("sr-grid");
        int cols = cards.size() <= 4 ? Math.max(1, Math.min(cards.size(), 2)) : 3;
        if (cards.size() == 3) {
            cols = 3;
        }
        int rows = (cards.size() + cols - 1) / cols;
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / Math.max(rows, 1));
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < cards.size(); i++) {
            Card card = cards.get(i);
            card.box.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            grid.add(card.box, i % cols, i / cols);
        }
        return grid;
    }
}
