package dev.fleetdeck.config;

import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.model.ShowroomSettings;
import dev.fleetdeck.provider.ProviderOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the {@code showroom:} section:
 * <pre>
 * showroom:
 *   title: Live GPU capacity
 *   logo: ~/brand/logo.png
 *   accent: "#58a6ff"
 *   currency: "$"            # symbol or code shown with prices
 *   currency-rate: 1.0       # from USD list prices
 *   models: [B200, H200, H100]
 *   regions: [us-east-1, eu-central-1]
 *   rotate-every: 12s
 *   pin: "2468"              # asked for when leaving; digits, 4-12
 * </pre>
 */
final class ShowroomOptions {
    private ShowroomOptions() {
    }

    static ShowroomSettings read(ProviderOptions o) {
        ShowroomSettings d = ShowroomSettings.defaults();
        String title = o.getString("title", d.title());
        if (title.isBlank() || title.length() > 80) {
            o.error("title", "must be 1-80 characters");
            title = d.title();
        }
        Optional<String> logo = o.findString("logo").map(p -> p.startsWith("~/")
                ? System.getProperty("user.home") + p.substring(1) : p);
        if (logo.isPresent() && !Files.isReadable(Path.of(logo.get()))) {
            o.error("logo", "cannot read " + logo.get());
            logo = Optional.empty();
        }
        String accent = o.getString("accent", d.accent());
        if (!accent.matches("#[0-9a-fA-F]{6}")) {
            o.error("accent", "expected a colour such as \"#58a6ff\", found " + Redaction.quote(accent));
            accent = d.accent();
        }
        String currency = o.getString("currency", d.currency());
        if (currency.isBlank() || currency.length() > 4) {
            o.error("currency", "expected a symbol or code of 1-4 characters, e.g. \"$\" or \"EUR\"");
            currency = d.currency();
        }
        double rate = o.getDouble("currency-rate", 1.0, 0.0001, 100_000);
        Duration rotate = o.getDuration("rotate-every", d.rotateEvery());
        if (rotate.compareTo(Duration.ofSeconds(2)) < 0) {
            o.error("rotate-every", "must be at least 2s: people need time to read a page");
            rotate = d.rotateEvery();
        }
        Optional<String> pin = o.findString("pin");
        if (pin.isPresent() && !pin.get().matches("\\d{4,12}")) {
            o.error("pin", "must be 4 to 12 digits");
            pin = Optional.empty();
        }
        return new ShowroomSettings(title, logo, accent, currency, rate, o.getStringList("models", d.models()),
                o.getStringList("regions", d.regions()), rotate, pin);
    }
}
