package dev.fleetdeck.ui.theme;

import java.net.URL;
import java.util.Objects;

/** Where the stylesheets from {@code styles/} are on the class path. */
public final class Stylesheets {
    private Stylesheets() {
    }

    /** The dark theme, the default. */
    public static String dark() {
        URL url = Stylesheets.class.getResource("/styles/fleetdeck-dark.css");
        return Objects.requireNonNull(url, "styles/fleetdeck-dark.css is missing from the class path").toExternalForm();
    }
}
