package dev.fleetdeck.provider.http;

import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.ProviderSpec;
import dev.fleetdeck.provider.SourceLimits;

import java.time.Duration;
import java.util.Objects;

/**
 * How one provider talks HTTP.
 *
 * @param connectTimeout   how long to wait for a TCP (and TLS) connection
 * @param readTimeout      how long the server may stay silent: before the response headers, and between two
 *                         pieces of the body (a slow but steady body is fine; a stalled one is not)
 * @param maxResponseBytes the largest body accepted, counted while reading, both as sent and after gunzip
 * @param verifyTls        whether server certificates and host names are checked (only a lab should turn it off;
 *                         the UI flags every provider that does)
 * @param concurrency      how many requests of this provider may be in flight at once
 * @param auth             how requests authenticate
 * @param limits           how much one answer may claim (GPUs per node, nodes, offers)
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, long maxResponseBytes, boolean verifyTls,
                           int concurrency, HttpAuth auth, SourceLimits limits) {
    /** Default {@link #maxResponseBytes}: a large Prometheus answer or a 1,000-node scrape fits. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(limits, "limits");
        if (maxResponseBytes < 1 || concurrency < 1) {
            throw new IllegalArgumentException("maxResponseBytes and concurrency must be positive");
        }
    }

    public HttpSettings(Duration connectTimeout, Duration readTimeout, long maxResponseBytes, boolean verifyTls,
                        int concurrency, HttpAuth auth) {
        this(connectTimeout, readTimeout, maxResponseBytes, verifyTls, concurrency, auth, SourceLimits.DEFAULT);
    }

    /** These settings with another authentication. */
    public HttpSettings withAuth(HttpAuth other) {
        return new HttpSettings(connectTimeout, readTimeout, maxResponseBytes, verifyTls, concurrency, other, limits);
    }

    /** Defaults with no authentication. */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, true,
                ProviderSpec.DEFAULT_CONCURRENCY, new HttpAuth.None());
    }

    /**
     * Reads the {@code http} and {@code auth} sections of a provider's options:
     * <pre>
     * http:
     *   connect-timeout: 5s
     *   read-timeout: 10s
     *   max-response-size: 64MiB
     *   tls-verify: true
     * auth:
     *   type: bearer
     *   token: env:API_TOKEN
     * </pre>
     * Timeouts never exceed the provider's poll timeout.
     */
    public static HttpSettings from(ProviderSpec spec) {
        ProviderOptions http = spec.options().section("http");
        Duration connect = min(http.getDuration("connect-timeout", DEFAULT_CONNECT_TIMEOUT), spec.timeout());
        Duration read = min(http.getDuration("read-timeout", DEFAULT_READ_TIMEOUT), spec.timeout());
        long max = http.getByteSize("max-response-size", DEFAULT_MAX_RESPONSE_BYTES, 1024, 1L << 30);
        boolean verify = http.getBoolean("tls-verify", true);
        HttpAuth auth = HttpAuth.from(spec.options().section("auth"));
        return new HttpSettings(connect, read, max, verify, spec.concurrency(), auth,
                SourceLimits.from(spec.options()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
