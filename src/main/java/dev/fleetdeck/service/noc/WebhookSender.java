package dev.fleetdeck.service.noc;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.WebhookRoute;
import dev.fleetdeck.model.WebhookTemplate;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.Secret;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.alerts.Alert;
import dev.fleetdeck.service.polling.BackoffPolicy;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Posts new and resolved alerts to webhooks: a Slack-compatible incoming-webhook body ({@code {"text": …}}) or a
 * JSON body from the user's template. Each route has its severity and label filters, and at most one message per
 * {@code every}: what fires in between is grouped into the next one ("5 new alerts: …"), as the desktop groups its
 * notifications. A route that fails keeps what it has to say (at most {@link #MAX_PENDING} alerts) and retries with
 * backoff. Webhook URLs carry their token, so only their host is ever logged; a URL given as {@code env:}/{@code file:}
 * is read when sending, so a rotated one is picked up.
 *
 * <p>Threads: {@link #accept} from the assembler thread (returns at once); sending on the owned thread
 * {@code fleetdeck-webhooks}; {@link #close} once.
 */
public final class WebhookSender implements Consumer<FleetFrame>, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WebhookSender.class.getName());
    static final int MAX_PENDING = 1_000;
    private static final int MAX_LISTED = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An alert change a route has to tell. */
    private record Change(Alert alert, boolean resolved, Map<String, String> labels, String reasons) {
    }

    private static final class Route {
        final WebhookRoute spec;
        final List<Change> pending = new ArrayList<>();
        Instant lastSent = Instant.MIN;
        Instant nextAttempt = Instant.MIN;
        int failures;
        long dropped;
        String lastProblem;

        Route(WebhookRoute spec) {
            this.spec = spec;
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private final Duration every;
    private final Clock clock;
    private final HttpClient http;
    private final BackoffPolicy backoff;
    private final Thread thread;
    private final Object lock = new Object();
    private final Set<String> firing = new HashSet<>();
    private final Map<String, Alert> firingAlerts = new HashMap<>();
    private boolean stopping;
    private volatile long sent;

    public WebhookSender(List<WebhookRoute> webhooks, Duration every, Clock clock) {
        webhooks.forEach(w -> routes.add(new Route(w)));
        this.every = every;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.backoff = new BackoffPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), new java.util.Random());
        thread = Thread.ofPlatform().name("fleetdeck-webhooks").daemon(true).unstarted(this::run);
        thread.start();
    }

    /** Notes which alerts started firing or resolved in this frame; returns at once. */
    @Override
    public void accept(FleetFrame frame) {
        Map<String, Node> nodes = new HashMap<>();
        frame.snapshot().nodes().forEach(n -> nodes.put(n.provider() + "/" + n.hostname(), n));
        synchronized (lock) {
            Set<String> now = new HashSet<>();
            for (Alert a : frame.alerts().firing()) {
                now.add(a.key());
                if (firing.add(a.key())) {
                    enqueue(change(a, false, nodes.get(a.group())));
                }
                firingAlerts.put(a.key(), a);
            }
            for (String key : List.copyOf(firing)) {
                if (!now.contains(key)) {
                    firing.remove(key);
                    Alert was = firingAlerts.remove(key);
                    Alert gone = frame.alerts().past().stream().filter(p -> p.key().equals(key)).findFirst()
                            .orElse(was);
                    if (gone != null) {
                        enqueue(change(gone, true, nodes.get(gone.group())));
                    }
                }
            }
            lock.notifyAll();
        }
    }

    private static Change change(Alert a, boolean resolved, Node node) {
        ObjectNode body = AlertmanagerPayload.of(a, Optional.ofNullable(node), Instant.EPOCH, JSON);
        Map<String, String> labels = new LinkedHashMap<>();
        body.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        String reasons = body.path("annotations").path("action").asString("");
        return new Change(a, resolved, labels, reasons);
    }

    private void enqueue(Change c) {
        for (Route r : routes) {
            if (!wants(r.spec, c)) {
                continue;
            }
            r.pending.add(c);
            while (r.pending.size() > MAX_PENDING) {
                r.pending.removeFirst();
                r.dropped++;
            }
        }
    }

    private static boolean wants(WebhookRoute spec, Change c) {
        if (c.alert().severity().ordinal() < spec.minSeverity().ordinal()) {
            return false;
        }
        for (Map.Entry<String, String> m : spec.match().entrySet()) {
            if (!m.getValue().equals(c.labels().get(m.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private void run() {
        while (true) {
            List<Route> due = new ArrayList<>();
            List<List<Change>> batches = new ArrayList<>();
            synchronized (lock) {
                long wait;
                while (!stopping && (wait = millisToNext()) > 0) {
                    try {
                        lock.wait(wait == Long.MAX_VALUE ? 0 : wait);
                    } catch (InterruptedException e) {
                        stopping = true;
                    }
                }
                Instant now = clock.instant();
                for (Route r : routes) {
                    if (!r.pending.isEmpty() && (stopping || !now.isBefore(dueAt(r)))) {
                        due.add(r);
                        batches.add(List.copyOf(r.pending));
                    }
                }
                if (stopping && due.isEmpty()) {
                    return;
                }
            }
            for (int i = 0; i < due.size(); i++) {
                try {
                    send(due.get(i), batches.get(i));
                } catch (RuntimeException e) { // a bug must not end the thread: the alerts stay pending
                    LOG.log(System.Logger.Level.ERROR, "webhook sending failed", e);
                    fail(due.get(i), "webhook", e.getClass().getSimpleName(), clock.instant());
                }
            }
            if (stoppingNow()) {
                return; // one last delivery was tried
            }
        }
    }

    private boolean stoppingNow() {
        synchronized (lock) {
            return stopping;
        }
    }

    private Instant dueAt(Route r) {
        return r.failures > 0 ? r.nextAttempt : r.lastSent.equals(Instant.MIN) ? Instant.MIN : r.lastSent.plus(every);
    }

    private long millisToNext() {
        Instant now = clock.instant();
        long next = Long.MAX_VALUE;
        for (Route r : routes) {
            if (!r.pending.isEmpty()) {
                Instant due = dueAt(r);
                next = Math.min(next, due.isAfter(now) ? Duration.between(now, due).toMillis() + 1 : 0);
            }
        }
        return next;
    }

    private void send(Route r, List<Change> batch) {
        Instant now = clock.instant();
        String where = "webhook";
        try {
            URI uri = URI.create(resolve(r.spec.url()));
            where = "webhook " + uri.getHost();
            String body = body(r.spec, batch);
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("User-Agent", "fleetdeck")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = resp.body()) {
                in.readNBytes(1024);
            }
            if (resp.statusCode() == 429) {
                throw new IOException("HTTP 429 (rate limited)");
            }
            if (resp.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + resp.statusCode());
            }
            synchronized (lock) {
                r.pending.subList(0, Math.min(batch.size(), r.pending.size())).clear();
                r.lastSent = now;
                r.failures = 0;
                r.dropped = 0;
                if (r.lastProblem != null) {
                    LOG.log(System.Logger.Level.INFO, where + " reachable again");
                    r.lastProblem = null;
                }
            }
            sent++;
        } catch (IOException | IllegalArgumentException | ProviderException e) {
            fail(r, where, String.valueOf(e instanceof ProviderException pe ? pe.getMessage()
                    : e.getClass().getSimpleName() + (e.getMessage() == null || e instanceof IllegalArgumentException
                    ? "" : ": " + e.getMessage())), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(r, where, "interrupted", now);
        }
    }

    /** The URL itself: a reference is read now (a rotated token file is picked up). */
    private static String resolve(String url) throws ProviderException {
        if (url.startsWith("env:") || url.startsWith("file:")) {
            return Secret.parse(url).orElseThrow(() -> new IllegalArgumentException("bad reference")).reveal();
        }
        return url;
    }

    private void fail(Route r, String where, String problem, Instant now) {
        synchronized (lock) {
            r.failures++;
            r.nextAttempt = now.plus(backoff.afterFailure(r.failures, ProviderException.Kind.UNREACHABLE,
                    Optional.empty()));
            if (!problem.equals(r.lastProblem)) {
                LOG.log(System.Logger.Level.WARNING, where + ": cannot post alerts (" + problem + "); retrying with"
                        + " backoff, " + r.pending.size() + " kept");
                r.lastProblem = problem;
            }
        }
    }

    /** The message for a batch: one line per alert, at most ten listed, grouped under one title. */
    static String body(WebhookRoute spec, List<Change> batch) throws IOException {
        long fired = batch.stream().filter(c -> !c.resolved()).count();
        long resolved = batch.size() - fired;
        List<String> parts = new ArrayList<>();
        if (fired > 0) {
            parts.add(fired == 1 ? "1 new alert" : fired + " new alerts");
        }
        if (resolved > 0) {
            parts.add(resolved + " resolved");
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < batch.size() && i < MAX_LISTED; i++) {
            lines.append(line(batch.get(i))).append('\n');
        }
        if (batch.size() > MAX_LISTED) {
            lines.append("… and ").append(batch.size() - MAX_LISTED).append(" more\n");
        }
        String first = line(batch.getFirst());
        String title = "FleetDeck: " + String.join(", ", parts) + ": " + first
                + (batch.size() > 1 ? " …" : "");
        Health worst = batch.stream().filter(c -> !c.resolved()).map(c -> c.alert().severity())
                .reduce(Health.OK, Health::worst);
        String severity = FrameMetrics.severity(worst == Health.OK ? batch.getFirst().alert().severity() : worst);
        if (spec.format() == WebhookRoute.Format.SLACK) {
            ObjectNode slack = JSON.createObjectNode();
            slack.put("text", title + "\n" + lines.toString().strip());
            return JSON.writeValueAsString(slack);
        }
        ArrayNode alerts = JSON.createArrayNode();
        for (Change c : batch) {
            ObjectNode a = alerts.addObject();
            a.put("status", c.resolved() ? "resolved" : "firing");
            ObjectNode labels = a.putObject("labels");
            c.labels().forEach(labels::put);
            a.put("summary", c.alert().summary());
            a.put("value", c.alert().value());
            c.alert().firedAt().ifPresent(t -> a.put("startsAt", t.toString()));
            c.alert().resolvedAt().ifPresent(t -> a.put("endsAt", t.toString()));
            if (!c.reasons().isEmpty()) {
                a.put("action", c.reasons());
            }
        }
        if (spec.template().isEmpty()) {
            ObjectNode own = JSON.createObjectNode();
            own.put("title", title);
            own.put("text", lines.toString().strip());
            own.put("severity", severity);
            own.put("count", batch.size());
            own.set("alerts", alerts);
            return JSON.writeValueAsString(own);
        }
        String template = Files.readString(Path.of(spec.template().get()));
        return WebhookTemplate.render(template, Map.of("title", title, "text", lines.toString().strip(),
                "severity", severity), batch.size(), JSON.writeValueAsString(alerts));
    }

    private static String line(Change c) {
        return (c.resolved() ? "resolved: " : FrameMetrics.severity(c.alert().severity()) + ": ") + c.alert().rule()
                + " on " + c.alert().group() + " — " + c.alert().summary() + " (" + c.alert().value() + ")";
    }

    /** Messages delivered so far (tests, the service's log). */
    public long sent() {
        return sent;
    }

    /** Stops the thread after one last attempt to deliver what is pending. */
    @Override
    public void close() {
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
        }
        try {
            thread.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
