package dev.fleetdeck.provider.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The shared HTTP layer against a real JDK HTTP server on 127.0.0.1. */
class HttpFetcherTest {
    private static final String TOKEN = "sk-live-7f3a9c2e5b1d4f60";
    private HttpServer server;
    private final Map<String, String> seenHeaders = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void route(String path, int status, String type, byte[] body, Map<String, String> headers) {
        server.createContext(path, ex -> {
            ex.getRequestHeaders().forEach((k, v) -> seenHeaders.put(k.toLowerCase(), String.join(",", v)));
            headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.getResponseHeaders().add("Content-Type", type);
            send(ex, status, body);
        });
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(z)) {
            g.write(data);
        }
        return z.toByteArray();
    }

    private static HttpSettings settings(long max, HttpAuth auth) {
        return new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), max, true, 2, auth);
    }

    private static Secret secretIn(Path dir) throws IOException {
        Path f = dir.resolve("token");
        Files.writeString(f, TOKEN + "\n");
        return Secret.parse("file:" + f).orElseThrow();
    }

    @Test
    void sendsUserAgentAcceptEncodingAndBearerToken(@TempDir Path dir) throws Exception {
        route("/ok", 200, "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), Map.of());
        try (HttpFetcher f = new HttpFetcher("lab", settings(1024, new HttpAuth.Bearer(secretIn(dir))))) {
            HttpBody body = f.get(uri("/ok?key=abc"), HttpFetcher.Expect.JSON);
            assertEquals("{\"a\":1}", body.text());
        }
        assertThat(seenHeaders.get("user-agent")).startsWith("FleetDeck/");
        assertEquals("gzip", seenHeaders.get("accept-encoding"));
        assertEquals("Bearer " + TOKEN, seenHeaders.get("authorization"));
    }

    @Test
    void basicAuthEncodesUserAndPassword() throws Exception {
        route("/ok", 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        Secret pw = Secret.parse("env:FD_TEST_PW", name -> name.equals("FD_TEST_PW") ? "s3cret" : null).orElseThrow();
        try (HttpFetcher f = new HttpFetcher("lab", settings(1024, new HttpAuth.Basic("ops", pw)))) {
            f.get(uri("/ok"), HttpFetcher.Expect.JSON);
        }
        assertEquals("Basic b3BzOnMzY3JldA==", seenHeaders.get("authorization"));
    }

    @Test
    void gzipIsUnpackedAndABombIsStoppedAtTheCap() throws Exception {
        byte[] text = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        route("/z", 200, "text/plain", gzip(text), Map.of("Content-Encoding", "gzip"));
        byte[] bomb = gzip(new byte[50 << 20]);
        route("/bomb", 200, "text/plain", bomb, Map.of("Content-Encoding", "gzip"));
        try (HttpFetcher f = new HttpFetcher("lab", settings(1 << 20, new HttpAuth.None()))) {
            assertArrayEquals(text, f.get(uri("/z"), HttpFetcher.Expect.TEXT).bytes());
            assertThat(bomb.length).isLessThan(1 << 20);
            ProviderException e = assertThrows(ProviderException.class, () -> f.get(uri("/bomb"),
                    HttpFetcher.Expect.TEXT));
            assertEquals(ProviderException.Kind.BAD_DATA, e.kind());
            assertThat(e.getMessage()).contains("gzip body that unpacks to more than 1 MiB");
        }
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedWithoutReading() throws Exception {
        route("/big", 200, "application/json", new byte[3 << 20], Map.of());
        try (HttpFetcher f = new HttpFetcher("lab", settings(1 << 20, new HttpAuth.None()))) {
            ProviderException e = assertThrows(ProviderException.class, () -> f.get(uri("/big"),
                    HttpFetcher.Expect.JSON));
            assertThat(e.getMessage()).isEqualTo("lab: http://127.0.0.1:" + server.getAddress().getPort()
                    + "/big sent a response larger than 1 MiB (max-response-size); reading stopped there");
        }
    }

    @Test
    void anHtmlPageWithStatus200IsNotData() throws Exception {
        route("/login", 200, "text/html; charset=utf-8",
                "<html><head><title>Sign in · Corp SSO</title></head><body>...</body></html>".getBytes(), Map.of());
        try (HttpFetcher f = new HttpFetcher("lab", settings(1024, new HttpAuth.None()))) {
            ProviderException e = assertThrows(ProviderException.class, () -> f.get(uri("/login"),
                    HttpFetcher.Expect.JSON));
            assertEquals(ProviderException.Kind.BAD_DATA, e.kind());
            assertThat(e.getMessage()).contains("answered with an HTML page titled \"Sign in · Corp SSO\" instead "
                    + "of JSON (a proxy or login page in the way?)");
        }
    }

    @Test
    void statusCodesMapToKinds() throws Exception {
        route("/404", 404, "text/plain", "no such route".getBytes(), Map.of());
        route("/403", 403, "application/json", "{\"error\":\"forbidden\"}".getBytes(), Map.of());
        route("/503", 503, "text/plain", "".getBytes(), Map.of("Retry-After", "Sun, 29 Nov 2026 12:01:30 GMT"));
        route("/502", 502, "text/plain", "upstream".getBytes(), Map.of());
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
        try (HttpFetcher f = new HttpFetcher("lab", settings(1024, new HttpAuth.None()), clock)) {
            assertEquals(ProviderException.Kind.CONFIG, kindOf(f, "/404"));
            assertEquals(ProviderException.Kind.AUTH, kindOf(f, "/403"));
            assertEquals(ProviderException.Kind.UNREACHABLE, kindOf(f, "/502"));
            ProviderException e = assertThrows(ProviderException.class, () -> f.get(uri("/503"),
                    HttpFetcher.Expect.ANY));
            assertEquals(ProviderException.Kind.RATE_LIMITED, e.kind());
            assertEquals(Optional.of(Duration.ofSeconds(90)), e.retryAfter(), "HTTP-date form of Retry-After");
        }
    }

    private ProviderException.Kind kindOf(HttpFetcher f, String path) {
        return assertThrows(ProviderException.class, () -> f.get(uri(path), HttpFetcher.Expect.ANY)).kind();
    }

    @Test
    void anEchoedTokenAndTheQueryStringNeverReachTheMessage(@TempDir Path dir) throws Exception {
        server.createContext("/echo", ex -> {
            byte[] body = ("bad credentials: " + ex.getRequestHeaders().getFirst("Authorization"))
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            send(ex, 400, body);
        });
        try (HttpFetcher f = new HttpFetcher("lab", settings(1024, new HttpAuth.Bearer(secretIn(dir))))) {
            ProviderException e = assertThrows(ProviderException.class, () -> f.get(uri("/echo?api_key=" + TOKEN),
                    HttpFetcher.Expect.JSON));
            assertThat(e.getMessage()).doesNotContain(TOKEN).contains("Bearer ****").doesNotContain("api_key");
            assertThat(String.valueOf(e.getCause())).doesNotContain(TOKEN);
        }
        assertThat(new HttpAuth.Bearer(secretIn(dir)).toString()).doesNotContain(TOKEN);
    }

    @Test
    void tlsVerificationOffIsANotice() {
        HttpSettings off = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, false, 1,
                new HttpAuth.None());
        try (HttpFetcher f = new HttpFetcher("lab", off)) {
            assertEquals(java.util.List.of("TLS verification is off (tls-verify: false)"), f.notices());
        }
        try (HttpFetcher f = new HttpFetcher("lab", settings(1024, new HttpAuth.None()))) {
            assertThat(f.notices()).isEmpty();
        }
    }

    @Test
    void aMissingSecretIsAConfigErrorThatNamesTheReference() {
        Secret s = Secret.parse("env:FD_NOT_SET", name -> null).orElseThrow();
        ProviderException e = assertThrows(ProviderException.class, s::reveal);
        assertEquals(ProviderException.Kind.CONFIG, e.kind());
        assertEquals("secret env:FD_NOT_SET: environment variable FD_NOT_SET is not set", e.getMessage());
        assertThat(Secret.parse("sk-live-123")).as("a pasted token is not a reference").isEmpty();
    }
}
