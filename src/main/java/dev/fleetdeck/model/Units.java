package dev.fleetdeck.model;

import java.time.Duration;
import java.util.Locale;

/**
 * The one number format: every number FleetDeck shows, in the UI, the CLI and exports, goes through here, with
 * thousands separators, its unit, and the currency before the amount ("$1,234.50/h"). Absent values print as an
 * em dash rather than as 0.
 */
public final class Units {
    /** Shown for an absent value. */
    public static final String ABSENT = "—";

    private Units() {
    }

    /** "4,096". */
    public static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** "4,096" or "33.3": a number without its unit, with thousands separators and the given decimals. */
    public static String number(double v, int decimals) {
        return Metrics.isPresent(v) ? String.format(Locale.ENGLISH, "%,." + decimals + "f", v) : ABSENT;
    }

    /** "4,096 GPUs" / "1 GPU". */
    public static String gpus(long n) {
        return count(n) + (n == 1 ? " GPU" : " GPUs");
    }

    /** "73 %" with the given decimals. */
    public static String percent(double pct, int decimals) {
        return Metrics.isPresent(pct) ? String.format(Locale.ENGLISH, "%." + decimals + "f %%", pct) : ABSENT;
    }

    /** "84 °C". */
    public static String celsius(double c) {
        return Metrics.isPresent(c) ? String.format(Locale.ENGLISH, "%.0f °C", c) : ABSENT;
    }

    /** "412 W", "1,647 W". */
    public static String watts(double w) {
        return Metrics.isPresent(w) ? String.format(Locale.ENGLISH, "%,.0f W", w) : ABSENT;
    }

    /** Power in the unit that reads best: watts up to 10 kW ("9,870 W"), then kilowatts ("12.3 kW"). */
    public static String power(double w) {
        return Metrics.isPresent(w) && Math.abs(w) >= 10_000 ? kilowatts(w / 1000) : watts(w);
    }

    /** A whole fleet's power for a big screen: "812 kW", "1.24 MW". */
    public static String fleetPower(double kw) {
        if (!Metrics.isPresent(kw)) {
            return ABSENT;
        }
        return kw >= 1000 ? String.format(Locale.ENGLISH, "%,.2f MW", kw / 1000)
                : String.format(Locale.ENGLISH, "%,.0f kW", kw);
    }

    /** "$12.40/h", "$1,234.56/h": a cost per hour. */
    public static String costPerHour(double usd) {
        return Metrics.isPresent(usd) ? String.format(Locale.ENGLISH, "$%,.2f/h", usd) : ABSENT;
    }

    /** "30,000 MiB". */
    public static String mebibytes(double mib) {
        return Metrics.isPresent(mib) ? String.format(Locale.ENGLISH, "%,.0f MiB", mib) : ABSENT;
    }

    /** "1,234.5 kW". */
    public static String kilowatts(double kw) {
        return Metrics.isPresent(kw) ? String.format(Locale.ENGLISH, "%,.1f kW", kw) : ABSENT;
    }

    /** "$2.49", or "—" when absent (in tables whose header names the unit). */
    public static String price(double usd) {
        return Metrics.isPresent(usd) ? String.format(Locale.ENGLISH, "$%,.2f", usd) : ABSENT;
    }

    /** "$2.49/GPU-h". */
    public static String pricePerGpuHour(double usd) {
        return Metrics.isPresent(usd) ? String.format(Locale.ENGLISH, "$%,.2f/GPU-h", usd) : ABSENT;
    }

    /** A short age: "4 s", "12 min", "3 h 5 min", "2 d 4 h". */
    public static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        if (s < 86_400) {
            long m = (s % 3600) / 60;
            return (s / 3600) + " h" + (m > 0 ? " " + m + " min" : "");
        }
        long h = (s % 86_400) / 3600;
        return (s / 86_400) + " d" + (h > 0 ? " " + h + " h" : "");
    }
}
