package dev.fleetdeck.service.noc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.service.FleetFrame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The service's HTTP endpoint (JDK {@code HttpServer}, two owned threads {@code fleetdeck-http-N}):
 * <ul>
 *   <li>{@code /healthz}: 200 while the process runs;</li>
 *   <li>{@code /readyz}: 200 once every source answered or failed at least once, else 503 naming who is pending;</li>
 *   <li>{@code /api/v1/frame}: the current frame as {@code fleetdeck.snapshot/v1} JSON ({@code ?summary} leaves the
 *       nodes out), read-only;</li>
 *   <li>{@code /metrics}: {@link FrameMetrics} in the Prometheus text format.</li>
 * </ul>
 * Only GET and HEAD; requests carry no body that is read. Frames arrive through {@link #accept} (any thread).
 */
public final class ServiceEndpoint implements Consumer<FleetFrame>, AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;
    private final Clock clock;
    private final boolean tenants;
    private final String version;
    private final String source;
    private volatile FleetFrame latest;

    /**
     * @throws IOException when the address cannot be bound (in use, not an address of this machine)
     */
    public ServiceEndpoint(String host, int port, boolean tenants, String version, String source, Clock clock)
            throws IOException {
        // A client that sends its request or reads the answer too slowly is cut off, so two slow clients cannot hold
        // both handler threads (the JDK server reads these once, when it is first used; a user's own values stay).
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "10");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "30");
        }
        this.clock = clock;
        this.tenants = tenants;
        this.version = version;
        this.source = source;
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        threads = Executors.newFixedThreadPool(2, r -> Thread.ofPlatform().daemon(true)
                .name("fleetdeck-http-" + n.incrementAndGet()).unstarted(r));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port bound (the one asked for, or the one the system chose for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void accept(FleetFrame frame) {
        latest = frame;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                reply(ex, 405, "text/plain; charset=utf-8", "only GET and HEAD\n");
                return;
            }
            FleetFrame frame = latest;
            switch (ex.getRequestURI().getPath()) {
                case "/healthz" -> reply(ex, 200, "text/plain; charset=utf-8", "ok\n");
                case "/readyz" -> ready(ex, frame);
                case "/api/v1/frame" -> {
                    if (frame == null) {
                        reply(ex, 503, "text/plain; charset=utf-8", "no frame yet: the first poll is running\n");
                        return;
                    }
                    String query = ex.getRequestURI().getQuery();
                    boolean summary = query != null && java.util.Arrays.asList(query.split("&")).contains("summary");
                    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                    SnapshotJson.write(frame.snapshot(), source, !summary, out);
                    reply(ex, 200, "application/json", out.toByteArray());
                }
                case "/metrics" -> {
                    if (frame == null) {
                        reply(ex, 503, "text/plain; charset=utf-8", "no frame yet: the first poll is running\n");
                        return;
                    }
                    reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                            FrameMetrics.text(frame, clock.instant(), tenants, version));
                }
                default -> reply(ex, 404, "text/plain; charset=utf-8",
                        "not here; try /metrics, /healthz, /readyz, /api/v1/frame\n");
            }
        }
    }

    private void ready(HttpExchange ex, FleetFrame frame) throws IOException {
        if (frame == null) {
            reply(ex, 503, "text/plain; charset=utf-8", "not ready: no frame yet\n");
            return;
        }
        java.util.List<String> pending = frame.providers().stream()
                .filter(p -> p.state() == ProviderState.STARTING).map(p -> p.name()).toList();
        if (!pending.isEmpty()) {
            reply(ex, 503, "text/plain; charset=utf-8", "not ready: waiting for " + String.join(", ", pending)
                    + "\n");
            return;
        }
        reply(ex, 200, "text/plain; charset=utf-8", "ready: frame " + frame.snapshot().sequence() + ", "
                + frame.snapshot().gpuCount() + " GPUs\n");
    }

    private static void reply(HttpExchange ex, int status, String type, String text) throws IOException {
        reply(ex, status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
