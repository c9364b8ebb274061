package dev.fleetdeck.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bar at the top of every view: "FleetDeck", what the view shows, and a status line on the right. */
public final class HeaderBar {
    private HeaderBar() {
    }

    /** A header with {@code subtitle} beside the name and {@code status} (styled and kept by the caller) right. */
    public static HBox of(String subtitle, Label status) {
        Label title = new Label("FleetDeck");
        title.getStyleClass().add("header-title");
        Label what = new Label(subtitle);
        what.getStyleClass().add("header-source");
        status.getStyleClass().add("header-updated");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(title, what, spacer, status);
        bar.getStyleClass().add("header-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
