package dev.fleetdeck.ui.fleet;

import dev.fleetdeck.ui.common.NodeKey;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.function.Supplier;

/**
 * What a fleet-table row stands for, whole: a GPU's full UUID (the GPUs column shows only its start) or a node's
 * provider/host; shown on hover and copied with Ctrl+C or the context menu. FX thread.
 */
final class RowIdentity {
    static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private RowIdentity() {
    }

    static String identity(FleetRow r) {
        return r.isGpu() ? r.gpu().uuid() : NodeKey.of(r.node().provider(), r.node().hostname());
    }

    static String tooltipText(FleetRow r) {
        return r.isGpu() ? "GPU " + r.gpu().index() + " of " + r.node().hostname() + "\n" + r.gpu().uuid()
                + "\nCtrl+C copies the UUID" : r.node().hostname() + " (" + r.node().provider() + ")\nCtrl+C copies "
                + NodeKey.of(r.node().provider(), r.node().hostname());
    }

    /** The row's identity to the system clipboard. */
    static void copy(FleetRow r) {
        ClipboardContent content = new ClipboardContent();
        content.putString(identity(r));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** "Copy GPU UUID or node name" for the selected row. */
    static ContextMenu copyMenu(Supplier<FleetRow> selected) {
        MenuItem item = new MenuItem("Copy GPU UUID or node name  Ctrl+C");
        item.setOnAction(e -> {
            FleetRow r = selected.get();
            if (r != null) {
                copy(r);
            }
        });
        return new ContextMenu(item);
    }
}
