package dev.fleetdeck.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bar at the top of every view: "FleetDeck", what the view shows, and a status line on the right. */
public final class HeaderBar {
    /**
     * A node property the layout lint honours: this label may be cut, because what it holds has no length limit (a
     * file path) and its tooltip shows it whole.
     */
    public static final String ELIDABLE = "fleetdeck.layout-lint.elidable";

    private HeaderBar() {
    }

    /** A header with {@code subtitle} beside the name and {@code status} (styled and kept by the caller) right. */
    public static HBox of(String subtitle, Label status) {
        Label title = new Label("FleetDeck");
        title.getStyleClass().add("header-title");
        Label what = new Label(subtitle);
        what.getStyleClass().add("header-source");
        status.getStyleClass().add("header-updated");
        // Only the subtitle (a source label or a path, of any length) gives way when the window is narrow; the name,
        // the status and whatever a view adds keep their width. The whole subtitle is one hover away.
        title.setMinWidth(Region.USE_PREF_SIZE);
        status.setMinWidth(Region.USE_PREF_SIZE);
        what.setMinWidth(0);
        what.setTooltip(new javafx.scene.control.Tooltip(subtitle));
        what.getProperties().put(ELIDABLE, true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(title, what, spacer, status);
        bar.getChildren().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>) change -> {
            while (change.next()) {
                for (javafx.scene.Node added : change.getAddedSubList()) {
                    if (added instanceof Region r && added != spacer && added != what) {
                        r.setMinWidth(Region.USE_PREF_SIZE);
                    }
                }
            }
        });
        bar.getStyleClass().add("header-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
