package dev.fleetdeck.ui.common;

import java.util.Set;

/** How a view leads to another: the main window implements it. FX thread. */
public interface Navigator {
    Navigator NONE = new Navigator() {
        @Override
        public void openNode(String nodeKey, int gpu) {
        }

        @Override
        public void back() {
        }

        @Override
        public void show(ViewId view) {
        }
    };

    /** Opens the node detail for a node key ({@code provider/host}) and GPU index (-1 for the whole node). */
    void openNode(String nodeKey, int gpu);

    /** Back from the node detail to where it was opened. */
    void back();

    /** Switches to a view. */
    void show(ViewId view);

    /** Opens the fleet table filtered to these tenants, models or regions (empty sets filter nothing). */
    default void filterFleet(Set<String> tenants, Set<String> models, Set<String> regions) {
        show(ViewId.FLEET);
    }
}
