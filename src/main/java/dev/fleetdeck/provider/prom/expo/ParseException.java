package dev.fleetdeck.provider.prom.expo;

/** Malformed exposition text, with the target it came from and the line (1-based) where it went wrong. */
public final class ParseException extends Exception {
    private final String target;
    private final int line;

    public ParseException(String target, int line, String message) {
        super(target + ": line " + line + ": " + message);
        this.target = target;
        this.line = line;
    }

    public String target() {
        return target;
    }

    public int line() {
        return line;
    }
}
