package dev.fleetdeck.provider.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.SafeText;
import dev.fleetdeck.provider.ProviderSnapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a simulated fleet as dcgm-exporter {@code /metrics} on 127.0.0.1, for demos, tests and benchmarks:
 * <ul>
 *   <li>{@code /metrics}: every node in one exposition (as one big exporter);</li>
 *   <li>{@code /nodes/HOST/metrics}: one node, as a real per-node dcgm-exporter would;</li>
 *   <li>{@code /targets.json}: a Prometheus file_sd list of the per-node paths with their region labels.</li>
 * </ul>
 * The fleet moves on with real time; a rendering is reused for {@link #CACHE} so many scrapers at once cost one.
 *
 * <p>Threads: the HTTP server's handlers run on virtual threads owned here; {@link #close()} stops them.
 */
public final class DcgmExporter implements AutoCloseable {
    /** How long one rendering of the fleet is served. */
    public static final Duration CACHE = Duration.ofMillis(250);

    private record Rendering(long atNanos, List<Node> nodes, byte[] all, Map<String, byte[]> perNode) {
    }

    /** Seconds a client may take to send its request (headers included) before the connection is closed. */
    static final String REQUEST_SECONDS = "5";
    private static final java.util.regex.Pattern NODE_PATH = java.util.regex.Pattern.compile("^/nodes/([^/]+)/metrics$");

    static {
        // The JDK's server keeps a connection whose headers never finish open forever unless told otherwise; these
        // are read once, when its configuration class loads, so they are set before the first server starts.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "60");
        }
    }

    private final SimulatedProvider fleet;
    private final Duration cache;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("fleetdeck-exporter-", 0).factory());
    private Rendering rendering;

    /**
     * Starts serving.
     *
     * @param settings the simulated fleet
     * @param port     the port on 127.0.0.1, or 0 for a free one
     */
    public DcgmExporter(SimSettings settings, int port) throws IOException {
        this(settings, port, CACHE);
    }

    /**
     * Starts serving, re-rendering the fleet at most once per {@code cache} (tests freeze the fleet with a long one).
     */
    public DcgmExporter(SimSettings settings, int port, Duration cache) throws IOException {
        this.cache = cache;
        this.fleet = new SimulatedProvider("exporter", settings, Clock.systemUTC());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.setExecutor(handlers);
        server.createContext("/metrics", guarded(ex -> {
            if (!ex.getRequestURI().getPath().equals("/metrics")) {
                notFound(ex);
                return;
            }
            send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", current().all());
        }));
        server.createContext("/nodes/", guarded(this::node));
        server.createContext("/targets.json", guarded(ex -> send(ex, 200, "application/json", targets())));
        server.createContext("/", guarded(DcgmExporter::notFound));
        server.start();
    }

    /** The base URI, e.g. {@code http://127.0.0.1:9400}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The fleet as last rendered (the ground truth behind the exposition); renders if needed. */
    public List<Node> nodes() {
        return current().nodes();
    }

    /** Renders now and keeps the result for {@link #CACHE}; returns what is served. */
    public synchronized byte[] render() {
        return current().all();
    }

    private synchronized Rendering current() {
        long now = System.nanoTime();
        if (rendering == null || now - rendering.atNanos() > cache.toNanos()) {
            ProviderSnapshot snap;
            try {
                snap = fleet.poll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while simulating", e);
            }
            Map<String, byte[]> perNode = new HashMap<>();
            for (Node n : snap.nodes()) {
                perNode.put(n.hostname(), null);
            }
            rendering = new Rendering(now, snap.nodes(), DcgmExpositionWriter.write(snap.nodes()), perNode);
        }
        return rendering;
    }

    /** Every answer is a whole HTTP answer: a handler that fails sends 500, never an empty reply. */
    private static com.sun.net.httpserver.HttpHandler guarded(com.sun.net.httpserver.HttpHandler h) {
        return ex -> {
            try {
                if (!"GET".equals(ex.getRequestMethod())) {
                    send(ex, 405, "text/plain", "only GET\n".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                h.handle(ex);
            } catch (RuntimeException e) {
                send(ex, 500, "text/plain", ("internal error: " + e.getClass().getSimpleName() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private static void notFound(HttpExchange ex) throws IOException {
        send(ex, 404, "text/plain", "not found: try /metrics, /nodes/HOST/metrics or /targets.json\n"
                .getBytes(StandardCharsets.UTF_8));
    }

    private void node(HttpExchange ex) throws IOException {
        java.util.regex.Matcher m = NODE_PATH.matcher(ex.getRequestURI().getPath());
        if (!m.matches()) {
            notFound(ex);
            return;
        }
        String host = m.group(1);
        byte[] body;
        synchronized (this) {
            Rendering r = current();
            if (!r.perNode().containsKey(host)) {
                body = null;
            } else {
                body = r.perNode().get(host);
                if (body == null) {
                    body = DcgmExpositionWriter.write(r.nodes().stream().filter(n -> n.hostname().equals(host))
                            .toList());
                    r.perNode().put(host, body);
                }
            }
        }
        if (body == null) {
            send(ex, 404, "text/plain", ("no node " + SafeText.of(host) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", body);
        }
    }

    private byte[] targets() {
        StringBuilder b = new StringBuilder("[");
        List<Node> nodes = nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            b.append(i == 0 ? "" : ",").append("\n  {\"targets\": [\"127.0.0.1:").append(port())
                    .append("\"], \"labels\": {\"__metrics_path__\": \"/nodes/").append(n.hostname())
                    .append("/metrics\", \"region\": \"").append(n.region()).append("\"}}");
        }
        return b.append("\n]\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
