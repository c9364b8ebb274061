package dev.fleetdeck.ui.app;

import dev.fleetdeck.ui.common.ViewId;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/** F1 or ?: every keyboard shortcut, over the window; Esc, F1 or a click closes it. FX thread only. */
final class HelpOverlay {
    /** Keys beside the views' own shortcuts. */
    private static final List<String[]> OTHER_KEYS = List.of(
            new String[]{"Ctrl+K", "Quick search: node, GPU UUID, tenant, model, region"},
            new String[]{"Enter / double-click", "Fleet table: open the node"},
            new String[]{"→ / ← or click ▸", "Fleet table: expand / collapse a node"},
            new String[]{"Click a cell", "Heatmap: open its node"},
            new String[]{"Esc / Alt+←", "Close this, or go back from the node detail"},
            new String[]{"Ctrl+,", "Settings: sources, alert thresholds, polling, theme"},
            new String[]{"Ctrl + / Ctrl − / Ctrl 0", "Larger / smaller type, or back to the window's size"},
            new String[]{"F1 or ?", "This help"});

    /** The shortcuts, as listed: every view's (from {@link ViewId}), then the other keys. */
    static final List<String[]> SHORTCUTS = shortcuts();

    private static List<String[]> shortcuts() {
        List<String[]> out = new ArrayList<>();
        for (ViewId v : ViewId.values()) {
            out.add(new String[]{v.shortcut(), v.title() + ": " + v.description()});
        }
        out.addAll(OTHER_KEYS);
        return List.copyOf(out);
    }

    private final StackPane root = new StackPane();

    HelpOverlay() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(8);
        for (int i = 0; i < SHORTCUTS.size(); i++) {
            Label key = new Label(SHORTCUTS.get(i)[0]);
            key.getStyleClass().add("help-key");
            Label what = new Label(SHORTCUTS.get(i)[1]);
            what.getStyleClass().add("help-text");
            grid.addRow(i, key, what);
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(12, title, grid);
        box.setId("help-overlay");
        box.getStyleClass().add("overlay-panel");
        box.setMaxWidth(VBox.USE_PREF_SIZE);
        box.setMaxHeight(VBox.USE_PREF_SIZE);
        StackPane.setAlignment(box, Pos.CENTER);
        root.getChildren().add(box);
        root.getStyleClass().add("overlay-backdrop");
        root.setVisible(false);
        root.setOnMouseClicked(e -> hide());
    }

    void toggle() {
        root.setVisible(!root.isVisible());
    }

    void hide() {
        root.setVisible(false);
    }

    boolean isShowing() {
        return root.isVisible();
    }

    StackPane node() {
        return root;
    }
}
