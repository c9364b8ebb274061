package dev.fleetdeck.provider;

import dev.fleetdeck.model.SafeText;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A poll that failed, with a message that names the source and never contains a secret.
 */
public class ProviderException extends Exception {

    /** What kind of failure this is; the polling service reacts differently to each. */
    public enum Kind {
        /** The source could not be reached, failed (5xx) or did not answer in time. Retried with backoff. */
        UNREACHABLE,
        /** The source refused our credentials (401/403). Retried only at the backoff cap. */
        AUTH,
        /** The source answered with something we cannot read. Retried with backoff. */
        BAD_DATA,
        /** The source asked us to slow down (429, or 503 with Retry-After). */
        RATE_LIMITED,
        /** The provider's configuration cannot work (wrong URL path, missing secret). Retried only at the cap. */
        CONFIG
    }

    private final Kind kind;
    private final String source;
    private final transient Duration retryAfter;

    /**
     * @param kind       the kind of failure
     * @param source     the provider's name (and where useful, the host or URL without credentials)
     * @param message    what went wrong, one line
     * @param retryAfter how long the source asked us to wait (an HTTP {@code Retry-After}), or null
     * @param cause      the underlying exception, or null
     */
    public ProviderException(Kind kind, String source, String message, Duration retryAfter, Throwable cause) {
        // Messages quote servers and files: escaped here, so no ESC sequence or bidi override reaches any sink.
        super(SafeText.of(source + ": " + message), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.source = Objects.requireNonNull(source, "source");
        this.retryAfter = retryAfter;
    }

    public ProviderException(Kind kind, String source, String message, Throwable cause) {
        this(kind, source, message, null, cause);
    }

    public ProviderException(Kind kind, String source, String message) {
        this(kind, source, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public String source() {
        return source;
    }

    /** How long the source asked us to wait before the next request, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
