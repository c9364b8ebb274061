package dev.fleetdeck.provider;

/**
 * A poll that failed, with a message that names the source and never contains a secret.
 */
public class ProviderException extends Exception {

    /** What kind of failure this is; the polling service reacts differently to each. */
    public enum Kind {
        /** The source could not be reached or did not answer in time. */
        UNREACHABLE,
        /** The source refused our credentials. */
        AUTH,
        /** The source answered with something we cannot read. */
        BAD_DATA,
        /** The source asked us to slow down. */
        RATE_LIMITED
    }

    private final Kind kind;
    private final String source;

    /**
     * @param kind    the kind of failure
     * @param source  the provider's name (and where useful, the host or URL without credentials)
     * @param message what went wrong, one line
     * @param cause   the underlying exception, or null
     */
    public ProviderException(Kind kind, String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.kind = kind;
        this.source = source;
    }

    public ProviderException(Kind kind, String source, String message) {
        this(kind, source, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public String source() {
        return source;
    }
}
