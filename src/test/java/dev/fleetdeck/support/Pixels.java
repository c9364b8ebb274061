package dev.fleetdeck.support;

import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/** Looks for colours in rendered images (view tests). */
public final class Pixels {
    private Pixels() {
    }

    /** Whether some mostly opaque pixel is within {@code tolerance} of {@code want} in each of red, green and blue. */
    public static boolean has(Image img, Color want, double tolerance) {
        var px = img.getPixelReader();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color c = px.getColor(x, y);
                if (Math.abs(c.getRed() - want.getRed()) < tolerance
                        && Math.abs(c.getGreen() - want.getGreen()) < tolerance
                        && Math.abs(c.getBlue() - want.getBlue()) < tolerance && c.getOpacity() > 0.5) {
                    return true;
                }
            }
        }
        return false;
    }
}
