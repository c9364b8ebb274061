package dev.fleetdeck.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A deliberately misbehaving HTTP/1.1 server on 127.0.0.1, written on raw sockets so every fault is exactly what
 * real networks do: refuse, accept and stay silent, drip slowly, fail with a status, cut a body short, send too
 * much, answer with HTML, or change the schema. The fault can be switched while it runs.
 */
public final class FaultServer implements AutoCloseable {

    /** What the server does with the next request. */
    public enum Fault {
        OK, SILENCE, SLOW_DRIP, HTTP_500, RATE_LIMITED_429, UNAUTHORIZED_401, MALFORMED_JSON, TRUNCATED, OVERSIZED,
        HTML_ERROR_PAGE, SCHEMA_CHANGED
    }

    /** The inventory served when all is well: two nodes of 8 GPUs. */
    public static final String GOOD_BODY = """
            {"nodes": [
              {"hostname": "gpu-a1", "model": "H100", "region": "lab-1", "state": "rented", "gpus": 8},
              {"hostname": "gpu-a2", "model": "H100", "region": "lab-1", "state": "available", "gpus": 8}
            ]}""";

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("fault-server-", 0).factory());
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Socket> open = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Fault fault = Fault.OK;
    private volatile String goodBody = GOOD_BODY;
    private volatile String lastRequestHead = "";
    private volatile int retryAfterSeconds = 7;
    private volatile long oversizedBytes = 3L << 20;

    public FaultServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fault-server-accept").start(this::acceptLoop);
    }

    /** A port on 127.0.0.1 where nothing listens (the connection is refused). */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/inventory");
    }

    /** What OK, SLOW_DRIP and TRUNCATED serve (JSON), e.g. a Prometheus API answer. */
    public void goodBody(String body) {
        goodBody = body;
    }

    public void fault(Fault f) {
        fault = f;
    }

    public void retryAfterSeconds(int seconds) {
        retryAfterSeconds = seconds;
    }

    public void oversizedBytes(long bytes) {
        oversizedBytes = bytes;
    }

    public int requests() {
        return requests.get();
    }

    /** The request line and headers of the last request. */
    public String lastRequestHead() {
        return lastRequestHead;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                synchronized (open) {
                    open.add(s);
                }
                connections.submit(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            serveOne(s);
        } finally {
            synchronized (open) {
                open.remove(s);
            }
        }
    }

    private void serveOne(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            String head = readHead(in);
            if (head == null) {
                return;
            }
            lastRequestHead = head;
            requests.incrementAndGet();
            boolean gzip = head.toLowerCase().contains("accept-encoding: gzip");
            switch (fault) {
                case OK -> respond(out, 200, "application/json", goodBody, gzip, "");
                case SILENCE -> release.await();
                case SLOW_DRIP -> drip(out, goodBody);
                case HTTP_500 -> respond(out, 500, "text/plain", "internal error: database is locked", false, "");
                case RATE_LIMITED_429 -> respond(out, 429, "application/json",
                        "{\"error\":\"rate limit exceeded\"}", false, "Retry-After: " + retryAfterSeconds + "\r\n");
                case UNAUTHORIZED_401 -> respond(out, 401, "application/json", "{\"error\":\"invalid api key\"}",
                        false, "WWW-Authenticate: Bearer\r\n");
                case MALFORMED_JSON -> respond(out, 200, "application/json", "{\"nodes\": [ {\"hostname\": ", false, "");
                case TRUNCATED -> {
                    byte[] body = goodBody.getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, 0, body.length / 3);
                    out.flush();
                }
                case OVERSIZED -> oversized(out);
                case HTML_ERROR_PAGE -> respond(out, 502, "text/html", "<!DOCTYPE html><html><head><title>502 Bad "
                        + "Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr>nginx</body>"
                        + "</html>", false, "");
                case SCHEMA_CHANGED -> respond(out, 200, "application/json",
                        "{\"data\": {\"machines\": [{\"id\": 1}]}}", false, "");
            }
        } catch (IOException e) {
            // The client went away (timeouts, size cap): expected in a fault server.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : 0;
            if (head.size() > 65_536) {
                return null;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void respond(OutputStream out, int status, String type, String text, boolean gzip, String extra)
            throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            try (GZIPOutputStream g = new GZIPOutputStream(z)) {
                g.write(body);
            }
            body = z.toByteArray();
            extra += "Content-Encoding: gzip\r\n";
        }
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n" + extra + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** The good body in 12 pieces, 40 ms apart: slow, but never silent for long. */
    private static void drip(OutputStream out, String text) throws IOException, InterruptedException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int pieces = 12;
        for (int i = 0; i < pieces; i++) {
            int from = body.length * i / pieces;
            int to = body.length * (i + 1) / pieces;
            Thread.sleep(40);
            out.write(body, from, to - from);
            out.flush();
        }
    }

    /** A JSON body far over any sensible cap, sent without Content-Length so only counting while reading stops it. */
    private void oversized(OutputStream out) throws IOException {
        out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"nodes\": ["
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = ("{\"hostname\": \"gpu-x\", \"model\": \"H100\", \"state\": \"available\", \"gpus\": 8},"
                .repeat(100)).getBytes(StandardCharsets.US_ASCII);
        for (long sent = 0; sent < oversizedBytes; sent += chunk.length) {
            out.write(chunk);
        }
        out.write("{}]}".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        socket.close();
        synchronized (open) {
            for (Socket s : open) {
                s.close();
            }
        }
        connections.shutdownNow();
    }
}
