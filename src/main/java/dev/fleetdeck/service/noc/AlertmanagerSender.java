package dev.fleetdeck.service.noc;

import dev.fleetdeck.model.Node;
import dev.fleetdeck.provider.ProviderException;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends FleetDeck's alerts to every configured Alertmanager through its API v2 ({@code POST /api/v2/alerts}), the way
 * Prometheus does: every firing alert with its labels, annotations, {@code startsAt} (when it fired) and an
 * {@code endsAt} a few resends ahead, re-sent every {@code resendEvery} while it fires and at once when something
 * changed; a resolved alert once more with {@code endsAt} = when it resolved. Each Alertmanager has its own queue of
 * resolved alerts not yet delivered (bounded) and its own backoff, so one that is down or restarting delays nothing
 * else and loses nothing: when it is back it gets every firing alert and the resolutions it missed. An alert keeps
 * its labels and {@code startsAt} on every send, so Alertmanager never takes a resend for a new alert.
 *
 * <p>Threads: {@link #accept} from the assembler thread (returns at once); sending on the owned thread
 * {@code fleetdeck-alertmanager}; {@link #close} once, from the thread that shuts the service down.
 */
public final class AlertmanagerSender implements Consumer<FleetFrame>, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AlertmanagerSender.class.getName());
    /** The most resolved alerts kept for one Alertmanager that cannot be reached; the oldest go first. */
    static final int MAX_RESOLVED = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ERROR_BYTES = 1024;

    /** One Alertmanager: what it still has to get, and when to try again. */
    private static final class Target {
        final URI alerts;
        final LinkedHashMap<String, ObjectNode> resolved = new LinkedHashMap<>();
        int failures;
        Instant nextAttempt = Instant.MIN;
        Instant lastSent = Instant.MIN;
        String lastProblem;
        long dropped;
        final URI base;
        final List<Map<String, Object>> silences = new ArrayList<>(); // made in FleetDeck, not yet created there

        Target(URI base) {
            this.base = base;
            String b = base.toString();
            this.alerts = URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/api/v2/alerts");
        }
    }

    private final List<Target> targets = new ArrayList<>();
    private final Duration resendEvery;
    private final Clock clock;
    private final HttpClient http;
    private final BackoffPolicy backoff;
    private final Thread thread;
    private final Object lock = new Object();
    private FleetFrame latest;
    private boolean changed;
    private boolean stopping;
    private Map<String, ObjectNode> firing = Map.of();
    private final Map<String, Alert> sentFiring = new LinkedHashMap<>();
    private volatile boolean allDelivered;
    private static final Duration SILENCE_SYNC = Duration.ofSeconds(15);
    private Instant lastSync = Instant.MIN;
    private final java.util.Set<String> reported = new java.util.HashSet<>();
    private volatile Consumer<SilencedThere> silencedThere = s -> { };

    /** A FleetDeck alert someone silenced in Alertmanager (not FleetDeck itself). */
    public record SilencedThere(String alertKey, String silenceId, String createdBy, String comment, Instant until) {
    }

    public AlertmanagerSender(List<URI> alertmanagers, Duration resendEvery, Clock clock) {
        alertmanagers.forEach(u -> targets.add(new Target(u)));
        this.resendEvery = resendEvery;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.backoff = new BackoffPolicy(Duration.ofSeconds(1), resendEvery, new java.util.Random());
        thread = Thread.ofPlatform().name("fleetdeck-alertmanager").daemon(true).unstarted(this::run);
        thread.start();
    }

    /** Who hears of FleetDeck alerts silenced in Alertmanager (once per silence and alert), on the sender thread. */
    public void onSilencedThere(Consumer<SilencedThere> listener) {
        silencedThere = listener;
    }

    /**
     * Silences an alert in every Alertmanager (acknowledging or silencing it in FleetDeck): matchers are its labels,
     * the creator is {@code createdBy}, the comment says FleetDeck made it. Returns at once; sent on the sender thread,
     * retried while an Alertmanager cannot be reached.
     */
    public void silence(Alert alert, Optional<Node> node, Instant until, String createdBy, String comment) {
        ObjectNode labels = (ObjectNode) AlertmanagerPayload.of(alert, node, until, JSON).path("labels");
        Map<String, String> matchers = new LinkedHashMap<>();
        labels.properties().forEach(e -> matchers.put(e.getKey(), e.getValue().asString()));
        synchronized (lock) {
            for (Target t : targets) {
                t.silences.add(Map.of("labels", matchers, "until", until, "by", createdBy, "comment", comment));
            }
            changed = true;
            lock.notifyAll();
        }
    }

    /** Takes the alerts of a new frame; returns at once. */
    @Override
    public void accept(FleetFrame frame) {
        synchronized (lock) {
            latest = frame;
            changed = true;
            lock.notifyAll();
        }
    }

    private void run() {
        while (true) {
            FleetFrame frame;
            synchronized (lock) {
                long wait = millisToNextWork();
                while (!changed && !stopping && wait > 0) {
                    try {
                        lock.wait(wait);
                    } catch (InterruptedException e) {
                        stopping = true;
                    }
                    wait = millisToNextWork();
                }
                if (stopping) {
                    break;
                }
                frame = changed ? latest : null;
                changed = false;
            }
            try {
                boolean news = frame != null && take(frame);
                sendDue(news, Duration.ofSeconds(10));
                createSilences();
                if (!clock.instant().isBefore(lastSync.equals(Instant.MIN) ? Instant.MIN : lastSync.plus(SILENCE_SYNC))) {
                    syncSilences();
                }
            } catch (RuntimeException e) { // a bug must not end the thread: the next frame tries again
                LOG.log(System.Logger.Level.ERROR, "sending to Alertmanager failed", e);
                targets.forEach(t -> fail(t, e.getClass().getSimpleName(), clock.instant()));
            }
        }
        sendDue(true, Duration.ofSeconds(3)); // a last delivery of what is pending, briefly
    }

    /** How long until a resend or a retry is due (under the lock). */
    private long millisToNextWork() {
        if (targets.isEmpty() || (latest == null && !changed)) {
            return Long.MAX_VALUE; // nothing to say before the first frame
        }
        Instant now = clock.instant();
        long next = firing.isEmpty() ? Long.MAX_VALUE
                : Math.max(0, Duration.between(now, lastSync.equals(Instant.MIN) ? now : lastSync.plus(SILENCE_SYNC))
                .toMillis());
        for (Target t : targets) {
            if (!t.silences.isEmpty() && t.failures == 0) {
                return 0;
            }
            Instant due = t.failures > 0 ? t.nextAttempt : t.lastSent.equals(Instant.MIN) ? now
                    : t.lastSent.plus(resendEvery);
            next = Math.min(next, Math.max(0, Duration.between(now, due).toMillis())); // 0: due now
        }
        return next;
    }

    /** Works out what fires now and what resolved since; true when anything changed. */
    private boolean take(FleetFrame frame) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        frame.snapshot().nodes().forEach(n -> nodes.put(n.provider() + "/" + n.hostname(), n));
        Map<String, ObjectNode> now = new LinkedHashMap<>();
        Instant endsAhead = clock.instant().plus(resendEvery.multipliedBy(4));
        for (Alert a : frame.alerts().firing()) {
            now.put(a.key(), AlertmanagerPayload.of(a, Optional.ofNullable(nodes.get(a.group())), endsAhead, JSON));
        }
        boolean news = !now.keySet().equals(firing.keySet());
        for (Map.Entry<String, Alert> was : sentFiring.entrySet()) {
            if (!now.containsKey(was.getKey())) {
                Alert gone = frame.alerts().past().stream().filter(p -> p.key().equals(was.getKey())).findFirst()
                        .orElse(was.getValue());
                Instant ended = gone.resolvedAt().orElse(frame.snapshot().takenAt());
                ObjectNode body = AlertmanagerPayload.of(gone, Optional.ofNullable(nodes.get(gone.group())), ended,
                        JSON);
                for (Target t : targets) {
                    t.resolved.put(was.getKey(), body);
                    while (t.resolved.size() > MAX_RESOLVED) {
                        t.resolved.remove(t.resolved.keySet().iterator().next());
                        t.dropped++;
                    }
                }
                news = true;
            }
        }
        sentFiring.clear();
        frame.alerts().firing().forEach(a -> sentFiring.put(a.key(), a));
        firing = now;
        return news;
    }

    /** Creates the silences made in FleetDeck that an Alertmanager has not got yet. */
    @SuppressWarnings("unchecked")
    private void createSilences() {
        for (Target t : targets) {
            List<Map<String, Object>> waiting;
            synchronized (lock) {
                waiting = List.copyOf(t.silences);
            }
            for (Map<String, Object> req : waiting) {
                try {
                    String id = AlertmanagerSilences.create(http, t.base, (Map<String, String>) req.get("labels"),
                            clock.instant(), (Instant) req.get("until"), (String) req.get("by"),
                            (String) req.get("comment"));
                    synchronized (lock) {
                        t.silences.remove(req);
                    }
                    LOG.log(System.Logger.Level.INFO, "silence " + id + " created in alertmanager "
                            + t.alerts.getAuthority() + " until " + req.get("until"));
                } catch (IOException e) {
                    fail(t, "creating a silence: " + e.getMessage(), clock.instant());
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Reads the active silences (from the first Alertmanager that answers) and reports FleetDeck alerts they hold. */
    private void syncSilences() {
        lastSync = clock.instant();
        for (Target t : targets) {
            try {
                List<AlertmanagerSilences.Silence> active = AlertmanagerSilences.active(http, t.base);
                for (Map.Entry<String, ObjectNode> f : firing.entrySet()) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    f.getValue().path("labels").properties().forEach(e -> labels.put(e.getKey(),
                            e.getValue().asString()));
                    for (AlertmanagerSilences.Silence s : active) {
                        if (!s.madeByFleetDeck() && s.matches(labels) && reported.add(s.id() + '|' + f.getKey())) {
                            silencedThere.accept(new SilencedThere(f.getKey(), s.id(), s.createdBy(), s.comment(),
                                    s.endsAt()));
                        }
                    }
                }
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "alertmanager " + t.alerts.getAuthority() + ": cannot list"
                        + " silences: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sendDue(boolean news, Duration timeout) {
        Instant now = clock.instant();
        for (Target t : targets) {
            boolean due = t.failures > 0 ? !now.isBefore(t.nextAttempt)
                    : news || t.lastSent.equals(Instant.MIN) || !now.isBefore(t.lastSent.plus(resendEvery));
            if (!due || (firing.isEmpty() && t.resolved.isEmpty() && !t.lastSent.equals(Instant.MIN) && !news)) {
                if (due) {
                    t.lastSent = now;
                }
                continue;
            }
            send(t, timeout);
        }
        allDelivered = targets.stream().allMatch(t -> t.failures == 0 && t.resolved.isEmpty()
                && !t.lastSent.equals(Instant.MIN));
    }

    private void send(Target t, Duration timeout) {
        ArrayNode body = JSON.createArrayNode();
        firing.values().forEach(body::add);
        List<String> resolvedKeys = new ArrayList<>(t.resolved.keySet());
        t.resolved.values().forEach(body::add);
        Instant now = clock.instant();
        try {
            HttpRequest req = HttpRequest.newBuilder(t.alerts).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "fleetdeck")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            String text;
            try (InputStream in = resp.body()) {
                text = new String(in.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8).strip();
            }
            if (resp.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + resp.statusCode() + (text.isEmpty() ? "" : ": " + firstLine(text)));
            }
            resolvedKeys.forEach(t.resolved::remove);
            if (t.failures > 0 || t.lastProblem != null) {
                LOG.log(System.Logger.Level.INFO, "alertmanager " + t.alerts.getAuthority() + " reachable again; sent "
                        + body.size() + " alerts" + (t.dropped > 0 ? " (" + t.dropped + " old resolutions dropped"
                        + " while it was away)" : ""));
            }
            t.failures = 0;
            t.lastProblem = null;
            t.dropped = 0;
            t.lastSent = now;
        } catch (IOException e) {
            fail(t, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(t, "interrupted", now);
        }
    }

    private void fail(Target t, String problem, Instant now) {
        t.failures++;
        t.nextAttempt = now.plus(backoff.afterFailure(t.failures, ProviderException.Kind.UNREACHABLE,
                Optional.empty()));
        if (!problem.equals(t.lastProblem)) {
            LOG.log(System.Logger.Level.WARNING, "alertmanager " + t.alerts.getAuthority() + ": cannot send alerts ("
                    + problem + "); retrying with backoff, " + t.resolved.size() + " resolutions kept");
            t.lastProblem = problem;
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Whether every Alertmanager got the latest state (for {@code /readyz} and tests). */
    public boolean delivered() {
        synchronized (lock) {
            return !changed && allDelivered;
        }
    }

    /** Stops the thread after one last, brief attempt to deliver what is pending. */
    @Override
    public void close() {
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
        }
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
