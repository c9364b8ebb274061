package dev.fleetdeck.ui.overview;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.ui.common.FontScaling;
import dev.fleetdeck.ui.common.ShrinkToFit;
import dev.fleetdeck.ui.common.TypeScale;
import dev.fleetdeck.ui.theme.HealthSymbols;
import dev.fleetdeck.ui.theme.Palette;
import eu.hansolo.tilesfx.Tile;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * A tile with one figure: the value in large type with its unit after it, a description under it and a line of
 * context at the bottom, every text from our stylesheet in em of the tile's font, which follows the tile's width and
 * the window's type scale. TilesFX's number tile sized its texts in code on each resize while CSS overrode them on
 * each style pass, so a value read 14 px or 52 px depending on what happened last; here nothing fights. The tile's
 * model (value, description, text, value colour) is kept too, for tests and tools that read the tile. FX thread.
 */
final class ValueTile {
    private final Label value = new Label("—");
    private final Label unit = new Label();
    private final Label description = new Label();
    private final Label text = new Label();
    private final VBox box;
    private final Tile tile;
    private final Meter meter = new Meter();

    /**
     * @param unit the unit after every value ("GPUs", "°C"), or "" when the value carries its own ("$1.20/h")
     */
    ValueTile(String id, String title, String unit, TypeScale scale) {
        value.getStyleClass().add("amount-value");
        value.setMinWidth(Region.USE_PREF_SIZE);
        this.unit.setText(unit);
        this.unit.getStyleClass().add("value-unit");
        this.unit.setMinWidth(Region.USE_PREF_SIZE);
        description.getStyleClass().add("trend-detail");
        text.getStyleClass().add("trend-detail");
        description.setWrapText(true);
        text.setWrapText(true);
        HBox figure = new HBox(value, this.unit);
        figure.setAlignment(Pos.BASELINE_RIGHT);
        figure.getStyleClass().add("value-figure");
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        meter.setVisible(false);
        meter.setManaged(false);
        box = new VBox(new ShrinkToFit(figure, HPos.RIGHT), meter, description, gap, text);
        box.setAlignment(Pos.TOP_RIGHT);
        box.getStyleClass().add("trend-box");
        tile = TileFactory.custom(id, title, box);
        FontScaling.bind(box, tile, 18, 10, 18, scale);
    }

    /** Adds a 0–100 % bar under the value (the value is a percentage). */
    ValueTile withMeter() {
        meter.setVisible(true);
        meter.setManaged(true);
        return this;
    }

    Tile tile() {
        return tile;
    }

    VBox content() {
        return box;
    }

    /**
     * Shows a figure: its value as {@code shown}, its two lines, its colour by health (null: the theme's text colour),
     * or a dash where it has no value.
     */
    void show(OverviewViewModel.Figure f, String shown) {
        value.setText(f.valueVisible() ? shown : "—");
        unit.setVisible(f.valueVisible());
        unit.setManaged(f.valueVisible());
        description.setText(f.description());
        text.setText(f.text());
        setHealth(f.health());
        meter.setFraction(f.valueVisible() ? f.value() / 100 : 0);
        if (tile.isValueVisible() != f.valueVisible()) {
            tile.setValueVisible(f.valueVisible());
        }
        if (tile.getValue() != f.value()) {
            tile.setValue(f.value());
        }
        if (!f.description().equals(tile.getDescription())) {
            tile.setDescription(f.description());
        }
        if (!f.text().equals(tile.getText())) {
            tile.setText(f.text());
        }
        Color color = f.health() == null ? Palette.theme().text() : Palette.of(f.health());
        if (!color.equals(tile.getValueColor())) {
            tile.setValueColor(color);
        }
    }

    private void setHealth(Health health) {
        value.getStyleClass().removeIf(s -> s.startsWith("health-"));
        if (health != null) {
            value.getStyleClass().add(HealthSymbols.styleClass(health));
        }
    }

    /** A track with a filled part, in the accent colour; its height (in the stylesheet) is in em of the tile's font. */
    private static final class Meter extends Region {
        private final Region fill = new Region();
        private double fraction;

        Meter() {
            getStyleClass().add("value-meter");
            fill.getStyleClass().add("value-meter-fill");
            getChildren().add(fill);
        }

        void setFraction(double f) {
            double next = Double.isFinite(f) ? Math.max(0, Math.min(1, f)) : 0;
            if (next != fraction) {
                fraction = next;
                requestLayout();
            }
        }

        @Override
        protected void layoutChildren() {
            fill.resizeRelocate(0, 0, Math.round(getWidth() * fraction), getHeight());
        }

    }

    String valueText() {
        return value.getText();
    }

    String unitText() {
        return unit.getText();
    }
}
