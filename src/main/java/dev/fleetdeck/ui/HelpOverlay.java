package dev.fleetdeck.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;

/** F1 or ?: every keyboard shortcut, over the window; Esc, F1 or a click closes it. FX thread only. */
final class HelpOverlay {
    /** The shortcuts, as listed. */
    static final List<String[]> SHORTCUTS = List.of(
            new String[]{"Ctrl+1", "Overview: tiles and trends"},
            new String[]{"Ctrl+2", "Fleet table: sort, filter, expand nodes to GPUs"},
            new String[]{"Ctrl+3", "Heatmap: every GPU as one cell"},
            new String[]{"Ctrl+4", "Node detail: the last node opened"},
            new String[]{"Ctrl+5", "Sources and events"},
            new String[]{"Ctrl+6", "Alerts (acknowledge, silence) and idle rented GPUs"},
            new String[]{"Ctrl+7", "Market: what the clouds rent out now, model × region, stock and price"},
            new String[]{"Ctrl+K", "Quick search: node, GPU UUID, tenant, model, region"},
            new String[]{"Enter / double-click", "Fleet table: open the node"},
            new String[]{"→ / ← or click ▸", "Fleet table: expand / collapse a node"},
            new String[]{"Click a cell", "Heatmap: open its node"},
            new String[]{"Esc / Alt+←", "Close this, or go back from the node detail"},
            new String[]{"Ctrl+,", "Settings: sources, alert thresholds, polling, theme"},
            new String[]{"F11", "Showroom (full screen, customer-safe)"},
            new String[]{"F1 or ?", "This help"});

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
