package dev.fleetdeck.ui.overview;

import dev.fleetdeck.ui.common.TypeScale;
import eu.hansolo.tilesfx.Tile;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts a TilesFX tile's title on the window's type scale. The skin sets the title's font in code from the tile's
 * size on every resize, while the stylesheets' inherited font overrides it whenever CSS is applied again (a view
 * switch, a hover), so the same title read 14 px or 22 px depending on what happened last. Here it always takes
 * {@link #TITLE_EM} of the type scale's base. (Every other text of a tile is our own node, styled in em.) FX thread.
 */
final class TileFonts {
    static final double TITLE_EM = 15.0 / 14;

    private final Tile tile;
    private final TypeScale scale;
    private final List<Runnable> repins = new ArrayList<>();

    private TileFonts(Tile tile, TypeScale scale) {
        this.tile = tile;
        this.scale = scale;
    }

    /** Keeps the tile's title on the scale from its first skin on. */
    static void follow(Tile tile, TypeScale scale) {
        TileFonts fonts = new TileFonts(tile, scale);
        tile.skinProperty().addListener((obs, old, skin) -> fonts.hook());
        if (tile.getSkin() != null) {
            fonts.hook();
        }
        scale.scaleProperty().addListener((obs, old, s) -> fonts.repins.forEach(Runnable::run));
    }

    private void hook() {
        repins.clear();
        for (Text t : texts(tile, tile.getGraphic())) {
            ObjectProperty<Font> font = t.fontProperty();
            Runnable pin = () -> pin(t, font);
            font.addListener((obs, old, f) -> pin.run());
            t.textProperty().addListener((obs, old, s) -> pin.run());
            repins.add(pin);
            pin.run();
        }
    }

    private void pin(Text t, ObjectProperty<Font> font) {
        Font f = font.get();
        if (f == null || t.getText() == null || !t.getText().equals(tile.getTitle())) {
            return;
        }
        double px = Math.round(scale.basePx() * TITLE_EM * 10) / 10.0;
        if (Math.abs(f.getSize() - px) > 0.05) {
            String style = f.getStyle().toLowerCase(Locale.ROOT);
            font.set(Font.font(f.getFamily(), style.contains("bold") ? FontWeight.BOLD : FontWeight.NORMAL,
                    style.contains("italic") ? FontPosture.ITALIC : FontPosture.REGULAR, px));
        }
    }

    private static List<Text> texts(Parent parent, Node skip) {
        List<Text> out = new ArrayList<>();
        for (Node c : parent.getChildrenUnmodifiable()) {
            if (c == skip) {
                continue;
            }
            if (c instanceof Text t) {
                out.add(t);
            } else if (c instanceof Parent p) {
                out.addAll(texts(p, skip));
            }
        }
        return out;
    }
}
