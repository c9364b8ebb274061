package dev.fleetdeck.ui.settings;

import dev.fleetdeck.config.ConfigTree;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;

import java.util.Map;

/** What the settings tabs built from generated forms share: a tab rebuilt each time it is shown, its page. FX thread. */
final class FormTabs {
    private FormTabs() {
    }

    /** A tab that runs {@code load} whenever it is selected, so it follows edits made in other tabs. */
    static Tab reloading(String title, String id, Runnable load) {
        Tab tab = new Tab(title);
        if (id != null) {
            tab.setId(id);
        }
        tab.setClosable(false);
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                load.run();
            }
        });
        return tab;
    }

    /** The grid with a note under it, scrolling, as a tab's content. */
    static ScrollPane page(OptionGrid grid, String note) {
        Label hint = new Label(note);
        hint.getStyleClass().add("settings-hint");
        hint.setWrapText(true);
        VBox box = new VBox(12, grid.node(), hint);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** A copy of a mapping under {@code key}, or an empty one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> root, String key) {
        return root.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) ConfigTree.copy(m) : Map.of();
    }
}
