package dev.fleetdeck.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * The bars of buttons, toggles, boxes and fields above a view's content. They wrap onto another line when the
 * window is narrow instead of squeezing their controls until the labels end in "…". FX thread.
 */
public final class ToolBars {
    private ToolBars() {
    }

    /** A wrapping bar (style class {@code filter-bar}) whose controls keep at least their preferred width. */
    public static FlowPane wrapping(Node... children) {
        FlowPane bar = new FlowPane(8, 6);
        bar.getStyleClass().add("filter-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setRowValignment(javafx.geometry.VPos.CENTER);
        for (Node n : children) {
            add(bar, n);
        }
        return bar;
    }

    /** Adds a control that never shrinks below its preferred width. */
    public static void add(FlowPane bar, Node n) {
        if (n instanceof Region r) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.getChildren().add(n);
    }
}
