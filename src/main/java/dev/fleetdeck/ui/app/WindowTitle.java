package dev.fleetdeck.ui.app;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Units;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The window title: what is shown and when it was last updated. */
public final class WindowTitle {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    private WindowTitle() {
    }

    /** Before the first snapshot. */
    public static String waiting(String source) {
        return "FleetDeck — " + source + " — waiting for the first poll";
    }

    /** "FleetDeck — built-in simulated fleet — 4,000 GPUs — updated 14:03:22". */
    public static String of(String source, FleetSnapshot snap, ZoneId zone) {
        return "FleetDeck — " + source + " — " + Units.gpus(snap.gpuCount()) + " — updated "
                + CLOCK.format(snap.takenAt().atZone(zone));
    }
}
