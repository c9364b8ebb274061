package dev.fleetdeck.service.noc;

import dev.fleetdeck.model.ExternalAlert;
import dev.fleetdeck.model.Health;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the alerts the team's alerting already holds, every {@link #EVERY}: Prometheus' {@code GET /api/v1/alerts}
 * (firing and pending alerting rules) and Alertmanager's {@code GET /api/v2/alerts} (active and silenced). FleetDeck's
 * own alerts ({@code generator="fleetdeck"}) are left out, so nothing shows twice. Each answer is bounded
 * ({@link #MAX_BYTES}, {@link #MAX_ALERTS}); a source that fails keeps its last good list and is named in the log, and
 * never holds up another. Thread: {@code fleetdeck-external-alerts} (owned); {@link #close} once.
 */
public final class ExternalAlertSource implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ExternalAlertSource.class.getName());
    static final Duration EVERY = Duration.ofSeconds(15);
    static final int MAX_BYTES = 8 << 20;
    static final int MAX_ALERTS = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where alerts are read: a Prometheus or an Alertmanager. */
    public record Spec(Kind kind, URI url) {
        public enum Kind { PROMETHEUS, ALERTMANAGER }

        String label() {
            return (kind == Kind.PROMETHEUS ? "prometheus " : "alertmanager ") + url.getAuthority();
        }
    }

    private final List<Spec> sources;
    private final Consumer<List<ExternalAlert>> sink;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<Spec, List<ExternalAlert>> last = new LinkedHashMap<>();
    private final Map<Spec, String> problems = new LinkedHashMap<>();
    private final Thread thread;
    private final Object lock = new Object();
    private boolean stopping;
    private final java.util.concurrent.CountDownLatch firstRound = new java.util.concurrent.CountDownLatch(1);

    /** Waits until every source was read once (or failed), at most {@code max}; true when it was. Any thread. */
    public boolean awaitFirstRound(Duration max) throws InterruptedException {
        return firstRound.await(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** @param sink gets every source's alerts together after each round, on the source's thread */
    public ExternalAlertSource(List<Spec> sources, Consumer<List<ExternalAlert>> sink) {
        this.sources = List.copyOf(sources);
        this.sink = sink;
        thread = Thread.ofPlatform().name("fleetdeck-external-alerts").daemon(true).unstarted(this::run);
        thread.start();
    }

    private void run() {
        while (true) {
            List<ExternalAlert> all = new ArrayList<>();
            for (Spec s : sources) {
                try {
                    List<ExternalAlert> got = read(s);
                    last.put(s, got);
                    if (problems.remove(s) != null) {
                        LOG.log(System.Logger.Level.INFO, s.label() + ": alerts readable again");
                    }
                } catch (IOException | RuntimeException e) {
                    String p = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    if (!p.equals(problems.put(s, p))) {
                        LOG.log(System.Logger.Level.WARNING, s.label() + ": cannot read its alerts (" + p
                                + "); showing the last ones read");
                    }
                } catch (InterruptedException e) {
                    return;
                }
                all.addAll(last.getOrDefault(s, List.of()));
            }
            sink.accept(all);
            firstRound.countDown();
            synchronized (lock) {
                try {
                    if (!stopping) {
                        lock.wait(EVERY.toMillis());
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (stopping) {
                    return;
                }
            }
        }
    }

    /** The sources read, in order. */
    List<Spec> sources() {
        return sources;
    }

    /** One source's alerts now. */
    List<ExternalAlert> read(Spec s) throws IOException, InterruptedException {
        String path = s.kind() == Spec.Kind.PROMETHEUS ? "/api/v1/alerts" : "/api/v2/alerts?active=true&silenced=true"
                + "&inhibited=true&unprocessed=true";
        String base = s.url().toString().replaceAll("/+$", "");
        HttpResponse<InputStream> resp = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] bytes;
        try (InputStream in = resp.body()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException("answer larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        if (resp.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + resp.statusCode() + " from " + path.substring(0, path.indexOf('?') < 0
                    ? path.length() : path.indexOf('?')));
        }
        JsonNode root;
        try {
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (tools.jackson.core.JacksonException e) {
            throw new IOException("the answer is not JSON");
        }
        JsonNode list = s.kind() == Spec.Kind.PROMETHEUS ? root.path("data").path("alerts") : root;
        if (!list.isArray()) {
            throw new IOException(s.kind() == Spec.Kind.PROMETHEUS ? "no data.alerts list in the answer"
                    : "the answer is not a list of alerts");
        }
        List<ExternalAlert> out = new ArrayList<>();
        for (JsonNode a : list) {
            if (out.size() == MAX_ALERTS) {
                LOG.log(System.Logger.Level.WARNING, s.label() + ": more than " + MAX_ALERTS + " alerts; the rest"
                        + " are not shown");
                break;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            a.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString("")));
            if ("fleetdeck".equals(labels.get("generator"))) {
                continue; // ours, shown already
            }
            JsonNode notes = a.path("annotations");
            String summary = notes.path("summary").asString(notes.path("description").asString(""));
            String state = s.kind() == Spec.Kind.PROMETHEUS ? a.path("state").asString("firing")
                    : a.path("status").path("state").asString("active");
            String since = s.kind() == Spec.Kind.PROMETHEUS ? a.path("activeAt").asString("")
                    : a.path("startsAt").asString("");
            Instant at;
            try {
                at = Instant.parse(since);
            } catch (java.time.format.DateTimeParseException e) {
                at = Instant.EPOCH;
            }
            String sev = labels.getOrDefault("severity", "").toLowerCase(java.util.Locale.ROOT);
            Health severity = sev.startsWith("crit") || sev.equals("page") || sev.equals("error") ? Health.CRIT
                    : Health.WARN;
            out.add(new ExternalAlert(s.label(), labels.getOrDefault("alertname", "(unnamed)"), severity, state,
                    labels, summary, at, Optional.empty()));
        }
        return out;
    }

    @Override
    public void close() {
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
        }
        thread.interrupt(); // a read in progress ends at once
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
