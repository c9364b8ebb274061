package dev.fleetdeck.ui.showroom;

import javafx.scene.Node;

/** One page of the showroom. FX thread only. */
interface ShowroomPage {
    /** The page title shown above it. */
    String title();

    Node node();

    /** Shows new figures (in place: no animation, nothing rebuilt unless the set of models or regions changed). */
    void update(ShowroomFigures figures);
}
