package dev.fleetdeck.ui.common;

import dev.fleetdeck.service.FleetFrame;
import javafx.scene.Node;

/**
 * One view of the fleet. It renders only from the frame it is given, live or replayed; it never reaches into an
 * engine. Every method is called on the FX thread.
 */
public interface FleetView {
    ViewId id();

    default String title() {
        return id().title();
    }

    default String shortcut() {
        return id().shortcut();
    }

    /** The view's root node. */
    Node node();

    /** Renders a frame. Called for the view on screen with each new frame, and for a view when it is shown. */
    void show(FleetFrame frame);

    /** Stops what the view runs (timers, animations). */
    default void dispose() {
    }
}
