package dev.fleetdeck.ui.app;

import dev.fleetdeck.ui.common.TypeScale;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Ctrl + / Ctrl − / Ctrl 0 zoom the window's type, on the main keyboard and the keypad. Ctrl + is taken both as
 * the {@code +} character (Shift+= on a US layout, its own key elsewhere) and as Ctrl = without Shift, as browsers
 * do. FX thread.
 */
final class ZoomKeys {
    private ZoomKeys() {
    }

    static void install(Scene scene, TypeScale scale) {
        for (KeyCode in : new KeyCode[] {KeyCode.EQUALS, KeyCode.PLUS, KeyCode.ADD}) {
            scene.getAccelerators().put(new KeyCodeCombination(in, KeyCombination.SHORTCUT_DOWN), scale::zoomIn);
        }
        for (KeyCode out : new KeyCode[] {KeyCode.MINUS, KeyCode.SUBTRACT}) {
            scene.getAccelerators().put(new KeyCodeCombination(out, KeyCombination.SHORTCUT_DOWN), scale::zoomOut);
        }
        for (KeyCode reset : new KeyCode[] {KeyCode.DIGIT0, KeyCode.NUMPAD0}) {
            scene.getAccelerators().put(new KeyCodeCombination(reset, KeyCombination.SHORTCUT_DOWN), scale::resetZoom);
        }
        // Shift+= on a US keyboard arrives as EQUALS with Shift down, which the combinations above do not match.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == KeyCode.EQUALS) {
                scale.zoomIn();
                e.consume();
            }
        });
    }
}
