package dev.fleetdeck.app;

import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.ConfiguredProvider;
import dev.fleetdeck.config.OptionForms;
import dev.fleetdeck.service.polling.ConnectionCheck;
import dev.fleetdeck.ui.settings.ConnectionTester;

import java.util.List;

/** The settings dialog's Test connection, wired here because it builds a provider. */
public final class ConnectionTests {
    private ConnectionTests() {
    }

    /** Builds the entry with the option forms, polls it once within its timeout, closes it. */
    public static ConnectionTester over(OptionForms forms) {
        return entry -> {
            ConfiguredProvider p;
            try {
                p = forms.build(entry);
            } catch (ConfigException e) {
                return new ConnectionCheck.Result(false, "Not valid yet: " + e.errors().stream()
                        .map(x -> x.path() + ": " + x.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                        List.of());
            }
            try {
                return ConnectionCheck.poll(p.provider(), p.spec().timeout());
            } finally {
                p.provider().close();
            }
        };
    }
}
