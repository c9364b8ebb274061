package dev.fleetdeck.provider.http;

import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.provider.ProviderException.Kind;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.SourceLimits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLException;

/**
 * The one way providers speak HTTP, on {@code java.net.http}. Per provider instance:
 * <ul>
 *   <li>connect timeout, and a read timeout that covers the wait for headers and every stall in the body;</li>
 *   <li>a response-size cap enforced while reading (the rest is never read), and again after gunzip;</li>
 *   <li>{@code Accept-Encoding: gzip}; TLS verification on unless configured off; the system proxy settings;</li>
 *   <li>bearer or basic authentication from a {@link dev.fleetdeck.provider.Secret}; a User-Agent naming FleetDeck;</li>
 *   <li>at most {@link HttpSettings#concurrency()} requests in flight;</li>
 *   <li>every failure becomes a {@link ProviderException} of the right kind, whose one-line message names the source
 *       and the URL (without query or credentials) and never contains the secret.</li>
 * </ul>
 * Threads: call from polling threads; any number at once. {@link #close()} once, when the provider closes.
 */
public final class HttpFetcher implements AutoCloseable {
    /** Sent with every request. */
    public static final String USER_AGENT = "FleetDeck/" + version() + " (GPU fleet dashboard; java.net.http)";
    private static final int MAX_ERROR_BODY = 64 * 1024;

    /** What the caller expects in a successful body; an HTML page is refused unless {@link #ANY}. */
    public enum Expect { JSON, TEXT, ANY }

    private final String source;
    private final HttpSettings settings;
    private final HttpClient client;
    private final Semaphore permits;
    private final Clock clock;

    /**
     * @param source   the provider's name, used in every message
     * @param settings timeouts, caps, TLS and authentication
     */
    public HttpFetcher(String source, HttpSettings settings) {
        this(source, settings, Clock.systemUTC());
    }

    HttpFetcher(String source, HttpSettings settings, Clock clock) {
        this.source = source;
        this.settings = settings;
        this.clock = clock;
        this.permits = new Semaphore(settings.concurrency());
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // followed here: loops named, credentials kept home
                .proxy(ProxySelector.getDefault());
        if (!settings.verifyTls()) {
            builder.sslContext(TrustEverything.context());
        }
        this.client = builder.build();
    }

    /** How much one answer of this source may claim. */
    public SourceLimits limits() {
        return settings.limits();
    }

    /** Notices for the provider's status: what an operator should know about how we connect. */
    public List<String> notices() {
        return settings.verifyTls() ? List.of() : List.of("TLS verification is off (tls-verify: false)");
    }

    /** {@code GET uri}. */
    public HttpBody get(URI uri, Expect expect) throws ProviderException, InterruptedException {
        return send(request(uri, expect).GET().build(), expect);
    }

    /** {@code POST uri} with a body (e.g. a GraphQL query as JSON). */
    public HttpBody post(URI uri, String contentType, byte[] body, Expect expect)
            throws ProviderException, InterruptedException {
        return send(request(uri, expect).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), expect);
    }

    private HttpRequest.Builder request(URI uri, Expect expect) throws ProviderException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("User-Agent", USER_AGENT)
                .header("Accept-Encoding", "gzip")
                .header("Accept", switch (expect) {
                    case JSON -> "application/json";
                    case TEXT -> "text/plain;version=0.0.4;q=0.9, application/openmetrics-text;q=0.5, */*;q=0.1";
                    case ANY -> "*/*";
                });
        Optional<String> auth = settings.auth().header();
        auth.ifPresent(v -> b.header("Authorization", v));
        return b;
    }

    /** Redirects followed per request; one more is an error that lists the hops. */
    static final int MAX_REDIRECTS = 5;

    /** A 3xx answer with a Location, followed by {@link #send}. */
    private static final class Redirect extends Exception {
        final URI location;
        final int status;

        Redirect(URI location, int status) {
            super(null, null, false, false);
            this.location = location;
            this.status = status;
        }
    }

    private HttpBody send(HttpRequest request, Expect expect) throws ProviderException, InterruptedException {
        String secret = request.headers().firstValue("Authorization").orElse(null);
        permits.acquire();
        try {
            List<URI> hops = new java.util.ArrayList<>(List.of(request.uri()));
            HttpRequest current = request;
            while (true) {
                try {
                    return exchange(current, expect, describe(current.uri()));
                } catch (Redirect r) {
                    current = Redirects.next(source, settings.readTimeout(), request, current, r.location, r.status, hops);
                }
            }
        } catch (ProviderException e) {
            throw scrub(e, secret);
        } finally {
            permits.release();
        }
    }

    private HttpBody exchange(HttpRequest request, Expect expect, String where)
            throws ProviderException, InterruptedException, Redirect {
        AtomicReference<BoundedBodySubscriber> body = new AtomicReference<>();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
            boolean ok = info.statusCode() / 100 == 2;
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            var s = new BoundedBodySubscriber(ok ? settings.maxResponseBytes() : MAX_ERROR_BODY, ok ? declared : -1);
            body.set(s);
            return s;
        });
        long readTimeout = settings.readTimeout().toNanos();
        HttpResponse<byte[]> response;
        try {
            while (true) {
                BoundedBodySubscriber s = body.get();
                long lastProgress = s == null ? started : Math.max(started, s.lastProgressNanos());
                long wait = lastProgress + readTimeout - System.nanoTime();
                if (wait <= 0) {
                    abort(future, body.get());
                    throw new ProviderException(Kind.UNREACHABLE, source, s == null
                            ? where + " did not answer within " + settings.readTimeout().toMillis()
                                    + " ms (read timeout)"
                            : where + " stopped sending for " + settings.readTimeout().toMillis() + " ms after "
                                    + s.received() + " bytes (read timeout)");
                }
                try {
                    response = future.get(wait, TimeUnit.NANOSECONDS);
                    break;
                } catch (TimeoutException e) {
                    // Check whether the body is still moving, then wait again.
                }
            }
        } catch (InterruptedException e) {
            abort(future, body.get());
            throw e;
        } catch (ExecutionException e) {
            throw failure(e.getCause(), where, body.get());
        }
        return accept(response, expect, where);
    }

    private HttpBody accept(HttpResponse<byte[]> response, Expect expect, String where)
            throws ProviderException, Redirect {
        int status = response.statusCode();
        Optional<String> location = response.headers().firstValue("Location");
        if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                && location.isPresent()) {
            try {
                throw new Redirect(response.uri().resolve(location.get().strip()), status);
            } catch (IllegalArgumentException e) {
                throw new ProviderException(Kind.BAD_DATA, source, where + " redirected (HTTP " + status
                        + ") to a Location that is not a URL");
            }
        }
        Optional<String> contentType = response.headers().firstValue("Content-Type");
        byte[] bytes = decode(response, where);
        if (status / 100 != 2) {
            throw statusError(response, bytes, contentType, where);
        }
        if (expect != Expect.ANY && ResponseExcerpt.isHtml(contentType, bytes)) {
            throw new ProviderException(Kind.BAD_DATA, source, where + " answered with "
                    + ResponseExcerpt.of(contentType, bytes) + " instead of "
                    + (expect == Expect.JSON ? "JSON" : "metrics text") + " (a proxy or login page in the way?)");
        }
        return new HttpBody(response.uri(), status, contentType, bytes);
    }

    private byte[] decode(HttpResponse<byte[]> response, String where) throws ProviderException {
        byte[] raw = response.body();
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity")
                .strip().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "identity", "" -> {
                return raw;
            }
            case "gzip", "x-gzip" -> {
                long limit = response.statusCode() / 100 == 2 ? settings.maxResponseBytes() : MAX_ERROR_BODY;
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 8192)) {
                    byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
                    if (out.length > limit) {
                        throw new ProviderException(Kind.BAD_DATA, source, where + " sent a gzip body that unpacks to "
                                + "more than " + sizeText(limit) + " (max-response-size)");
                    }
                    return out;
                } catch (IOException e) {
                    throw new ProviderException(Kind.BAD_DATA, source, where + " sent a broken gzip body: "
                            + e.getMessage(), e);
                }
            }
            default -> throw new ProviderException(Kind.BAD_DATA, source, where + " sent Content-Encoding '"
                    + encoding + "', which FleetDeck does not read");
        }
    }

    private ProviderException statusError(HttpResponse<byte[]> response, byte[] body, Optional<String> contentType,
                                          String where) {
        int status = response.statusCode();
        String what = "HTTP " + status + reason(status) + " from " + where + ": "
                + ResponseExcerpt.of(contentType, body);
        Optional<Duration> retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After"), clock.instant());
        return switch (status) {
            case 401, 403 -> new ProviderException(Kind.AUTH, source, what + " (check the credentials in auth)");
            case 404, 405, 410 -> new ProviderException(Kind.CONFIG, source, what + " (check the URL)");
            case 429 -> new ProviderException(Kind.RATE_LIMITED, source, what, retryAfter.orElse(null), null);
            case 503 -> new ProviderException(retryAfter.isPresent() ? Kind.RATE_LIMITED : Kind.UNREACHABLE, source,
                    what, retryAfter.orElse(null), null);
            default -> new ProviderException(status >= 500 ? Kind.UNREACHABLE : Kind.BAD_DATA, source, what,
                    retryAfter.orElse(null), null);
        };
    }

    private ProviderException failure(Throwable cause, String where, BoundedBodySubscriber body) {
        Throwable c = cause;
        while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        for (Throwable t = c; t != null; t = t.getCause()) {
            if (t instanceof BoundedBodySubscriber.TooLarge tooLarge) {
                return new ProviderException(Kind.BAD_DATA, source, where + " sent a response larger than "
                        + sizeText(tooLarge.limit) + " (max-response-size); reading stopped there");
            }
        }
        String message;
        Kind kind = Kind.UNREACHABLE;
        if (c instanceof HttpConnectTimeoutException) {
            message = "no connection to " + where + " within " + settings.connectTimeout().toMillis()
                    + " ms (connect timeout)";
        } else if (c instanceof HttpTimeoutException) {
            message = where + " did not answer within " + settings.readTimeout().toMillis() + " ms (read timeout)";
        } else if (c instanceof ConnectException) {
            message = "cannot connect to " + where + " (connection refused or host unreachable)";
        } else if (c instanceof SSLException) {
            message = "TLS with " + where + " failed: " + c.getMessage()
                    + (settings.verifyTls() ? " (is the certificate trusted by this Java runtime?)" : "");
        } else if (body != null && body.received() > 0) {
            kind = Kind.BAD_DATA;
            message = where + " cut the response off after " + body.received() + " bytes ("
                    + c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage()) + ")";
        } else {
            message = "request to " + where + " failed: " + c.getClass().getSimpleName()
                    + (c.getMessage() == null ? "" : ": " + c.getMessage());
        }
        return new ProviderException(kind, source, message, c);
    }

    private static void abort(CompletableFuture<?> future, BoundedBodySubscriber body) {
        future.cancel(true);
        if (body != null) {
            body.cancel();
        }
    }

    /**
     * Removes every known secret (the credentials this fetcher sends among them) from text built from a server's
     * answer, in every form a server may echo it in (see {@link dev.fleetdeck.model.Redaction}).
     */
    public String redact(String text) {
        return Redaction.scrub(text); // every secret sent was registered when it was read
    }

    /**
     * The body with every known secret replaced by {@code ****} — raw, JSON-escaped ({@code \/}, {@code \u0066…}),
     * URL-encoded, base64 or cut to its first 8 characters — so that nothing read from it (an instance name, a label
     * value, an error text) can carry a key a server echoed back. The same body when this fetcher sends no credential
     * or nothing matched.
     */
    public HttpBody redact(HttpBody body) {
        if (settings.auth() instanceof HttpAuth.None || !Redaction.active()) {
            return body; // nothing was sent with this request that a server could echo
        }
        String text = new String(body.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        String clean = Redaction.scrub(text);
        return clean.equals(text) ? body : new HttpBody(body.uri(), body.status(), body.contentType(),
                clean.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Removes the Authorization value from a message, should a server have echoed it back. */
    private static ProviderException scrub(ProviderException e, String secret) {
        if (secret == null || e.getMessage() == null) {
            return e;
        }
        Redaction.register(secret.substring(secret.indexOf(' ') + 1));
        String message = e.getMessage().substring(e.source().length() + 2);
        String clean = Redaction.scrub(message);
        if (clean.equals(message)) {
            return e;
        }
        message = clean;
        return new ProviderException(e.kind(), e.source(), message, e.retryAfter().orElse(null), null);
    }

    /** A URL as it may appear in messages: no user info, no query (which may hold a key), no fragment. */
    public static String describe(URI uri) {
        String host = uri.getHost() == null ? "?" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + host + port + path;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 429 -> " Too Many Requests";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }

    private static String sizeText(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes % 1024 == 0 ? (bytes >> 10) + " KiB"
                : bytes + " bytes";
    }

    private static String version() {
        String v = HttpFetcher.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Closes connections and the client's threads. */
    @Override
    public void close() {
        client.shutdownNow();
        client.close();
    }
}
