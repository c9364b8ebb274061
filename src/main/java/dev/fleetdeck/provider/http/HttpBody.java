package dev.fleetdeck.provider.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A successful response, read completely and within the size cap (already un-gzipped).
 *
 * @param uri         where it came from
 * @param status      the HTTP status (2xx)
 * @param contentType the {@code Content-Type} header, or empty
 * @param bytes       the body
 */
public record HttpBody(URI uri, int status, Optional<String> contentType, byte[] bytes) {

    /** The body as UTF-8 text. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
