package dev.fleetdeck.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 (a free port) that answers each path with a recorded response, and records every
 * request: method, path, headers, body and arrival time. For the cloud adapters' tests.
 */
public final class ReplayServer implements AutoCloseable {
    /** One request as the server saw it. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body, long nanos) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Answer fallback = new Answer(404, "{\"error\":\"no such path\"}",
            Map.of("Content-Type", "application/json"));

    public ReplayServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The server's root, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code path} with a JSON body. */
    public ReplayServer json(String path, String body) {
        return answer(path, 200, body, Map.of("Content-Type", "application/json"));
    }

    /** Answers {@code path} with a fixture from {@code src/test/resources/fixtures/cloud-api}. */
    public ReplayServer fixture(String path, String file) {
        try {
            return json(path, Files.readString(Path.of("src/test/resources/fixtures/cloud-api", file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code path} with any status, body and headers. */
    public ReplayServer answer(String path, int status, String body, Map<String, String> headers) {
        answers.put(path, new Answer(status, body, headers));
        return this;
    }

    /** Answers every path without an answer of its own this way (default: 404). */
    public ReplayServer otherwise(int status, String body, Map<String, String> headers) {
        fallback = new Answer(status, body, headers);
        return this;
    }

    /** Every request so far, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    Map.copyOf(ex.getRequestHeaders()), body, System.nanoTime()));
            Answer a = answers.get(ex.getRequestURI().getRawPath());
            if (a == null) {
                a = fallback;
            }
            a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
