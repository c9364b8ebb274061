package dev.fleetdeck.ui.overview;

import dev.fleetdeck.ui.theme.Palette;
import dev.fleetdeck.ui.theme.Theme;
import eu.hansolo.tilesfx.Tile;
import javafx.scene.paint.Color;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.scene.Node;
import javafx.scene.text.TextAlignment;

import java.util.Locale;

/**
 * The one place where TilesFX tiles are built: one look (dark, flat, animations off) for every tile. Tiles are
 * created and touched on the JavaFX thread only.
 */
final class TileFactory {
    static final double PREF_WIDTH = 460;
    static final double PREF_HEIGHT = 300;

    private TileFactory() {
    }

    private static TileBuilder<?> base(Tile.SkinType skin, String id, String title) {
        return TileBuilder.create()
                .skinType(skin)
                .prefSize(PREF_WIDTH, PREF_HEIGHT)
                // The grid's columns decide the width; a tile's texts must fit it, never widen it over its neighbour.
                .minSize(0, 0)
                .maxSize(Double.MAX_VALUE, Double.MAX_VALUE)
                .title(title)
                .titleAlignment(TextAlignment.LEFT)
                .animated(false)
                .backgroundColor(Palette.theme().surface())
                .titleColor(Palette.theme().textMuted())
                .valueColor(Palette.theme().text())
                .unitColor(Palette.theme().textMuted())
                .descriptionColor(Palette.theme().textMuted())
                .textColor(Palette.theme().textMuted())
                .locale(Locale.ENGLISH)
                .roundedCorners(true)
                .textVisible(true);
    }

    /** Gives a tile the colours of the theme now in use (value colours are set again by the next update). */
    static void restyle(Tile tile) {
        Theme t = Palette.theme();
        tile.setBackgroundColor(t.surface());
        tile.setBorderColor(t.outlinesSurfaces() ? t.border() : Color.TRANSPARENT);
        tile.setBorderWidth(t.outlinesSurfaces() ? 2 : 0);
        tile.setTitleColor(t.textMuted());
        tile.setValueColor(t.text());
        tile.setUnitColor(t.textMuted());
        tile.setDescriptionColor(t.textMuted());
        tile.setTextColor(t.textMuted());
    }

    /** A tile whose body is one of our own nodes (a small table). */
    static Tile custom(String id, String title, Node content) {
        Tile tile = base(Tile.SkinType.CUSTOM, id, title)
                .graphic(content)
                .textVisible(false)
                .build();
        tile.setId(id);
        return tile;
    }
}
