package dev.fleetdeck.ui.heatmap;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.ui.theme.Palette;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** The heatmap's legend: a colour bar with its ends in units, or one swatch and word per category. FX thread. */
final class HeatmapLegend {
    private static final int BAR_WIDTH = 220;
    private final HBox root = new HBox(6);

    HeatmapLegend() {
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("heatmap-legend");
        root.setId("heatmap-legend");
    }

    void show(HeatmapMetric metric, HeatmapPalette palette) {
        root.getChildren().clear();
        switch (metric) {
            case HEALTH -> {
                for (Health h : new Health[]{Health.OK, Health.WARN, Health.CRIT, Health.UNKNOWN}) {
                    swatch(palette.health(h), Palette.symbol(h) + " " + h.label());
                }
            }
            case IDLE_RENTED -> {
                swatch(palette.idle(2), "▲ rented, idle (< " + (int) HeatmapMetric.IDLE_BELOW_PCT + " %)");
                swatch(palette.idle(1), "● rented, busy");
                swatch(palette.idle(0), "not rented");
            }
            default -> {
                root.getChildren().add(text(metric.minText()));
                WritableImage bar = new WritableImage(BAR_WIDTH, 12);
                int[] row = new int[BAR_WIDTH];
                for (int i = 0; i < BAR_WIDTH; i++) {
                    row[i] = palette.color(i, 0, BAR_WIDTH - 1);
                }
                for (int y = 0; y < 12; y++) {
                    bar.getPixelWriter().setPixels(0, y, BAR_WIDTH, 1, PixelFormat.getIntArgbInstance(), row, 0,
                            BAR_WIDTH);
                }
                root.getChildren().addAll(new ImageView(bar), text(metric.maxText()));
            }
        }
        swatch(HeatmapPalette.ABSENT, "no data");
        if (!metric.isCategorical() && metric != HeatmapMetric.HEALTH) {
            swatch(HeatmapPalette.MISSING, "GPU missing");
        }
    }

    private void swatch(int argb, String label) {
        Region r = new Region();
        r.setMinSize(14, 14);
        r.setMaxSize(14, 14);
        r.setBackground(javafx.scene.layout.Background.fill(Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff,
                argb & 0xff)));
        Label l = text(label);
        HBox.setMargin(r, new javafx.geometry.Insets(0, 0, 0, 8));
        root.getChildren().addAll(r, l);
    }

    private static Label text(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("legend-text");
        return l;
    }

    HBox node() {
        return root;
    }
}
