package dev.fleetdeck.ui.showroom;

import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Units;

import java.util.Locale;

/** Numbers as the showroom writes them: few digits, units always. */
final class ShowroomText {
    private ShowroomText() {
    }

    /** "from $2.45 / GPU-hour", "EUR 2.45", or a note when unknown. */
    static String price(double perHour, String currency) {
        if (!Metrics.isPresent(perHour)) {
            return "price on request";
        }
        String amount = String.format(Locale.ENGLISH, "%.2f", perHour);
        String money = currency.length() == 1 ? currency + amount : currency + " " + amount;
        return "from " + money + " per GPU-hour";
    }

    /** "812 kW" or "1.24 MW". */
    static String power(double kw) {
        return Units.fleetPower(kw);
    }
}
