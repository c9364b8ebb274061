package dev.fleetdeck.provider.prom.expo;

import java.util.ArrayList;
import java.util.List;

/**
 * Malformed lines of one parse: each fails alone, is counted, and the first few are kept for the target's status.
 * Not thread-safe: one per parse.
 */
public final class ParseProblems {
    /** Lines kept as examples; the rest are counted. */
    public static final int KEPT = 3;
    private final List<ParseException> first = new ArrayList<>(KEPT);
    private long count;

    void add(ParseException e) {
        count++;
        if (first.size() < KEPT) {
            first.add(e);
        }
    }

    /** How many lines were malformed. */
    public long count() {
        return count;
    }

    /** The first malformed lines, in order. */
    public List<ParseException> examples() {
        return List.copyOf(first);
    }
}
