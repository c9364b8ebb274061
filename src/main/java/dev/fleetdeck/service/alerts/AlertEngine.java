package dev.fleetdeck.service.alerts;

import dev.fleetdeck.model.AlertRule;
import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.service.idle.IdleReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Evaluates the alert rules on every snapshot and keeps each alert's life:
 * <ul>
 *   <li><b>pending</b> when a rule's condition first holds for a group, <b>firing</b> once it has held for the rule's
 *       {@code for} duration (at once for 0), <b>resolved</b> once it has been false for {@code clearAfter} — so a
 *       value flapping around its threshold keeps one firing alert instead of a stream of new ones;</li>
 *   <li>deduplicated: one open alert per rule and group;</li>
 *   <li>acknowledged and silenced (until a time) by people; both are kept with the alert.</li>
 * </ul>
 * Time is the snapshot's time, so tests drive the lifecycle with synthetic snapshots and no sleeping. Transitions
 * go to the {@link AlertStore} (JSON lines) and to listeners (the desktop notifications).
 *
 * <p>Threads: {@link #accept} on the assembler thread; {@link #ack}, {@link #silence} and the reads from any thread
 * (the FX thread): all synchronized, cheap.
 */
public final class AlertEngine implements Consumer<FleetSnapshot> {
    static final int PAST_KEPT = 1000;

    private volatile AlertSettings settings;
    private final Supplier<IdleReport> idle;
    private final AlertStore store;
    private final Map<String, Alert> open = new LinkedHashMap<>();
    /** Groups with an open alert, per rule: the common case (condition false, nothing open) costs no string work. */
    private final Map<String, java.util.Set<String>> openGroups = new HashMap<>();
    private final Map<String, Instant> lastTrue = new HashMap<>();
    private final Deque<Alert> past = new ArrayDeque<>();
    private final List<Consumer<Alert>> onFiring = new CopyOnWriteArrayList<>();
    private Instant now = Instant.EPOCH;

    /**
     * @param idle  the idle report of the snapshot being evaluated (idle rules)
     * @param store where transitions are kept; null keeps nothing (probe, snapshot)
     */
    public AlertEngine(AlertSettings settings, Supplier<IdleReport> idle, AlertStore store) {
        this.settings = settings;
        this.idle = idle;
        this.store = store;
        if (store != null) {
            AlertStore.Loaded loaded = store.load();
            for (Alert a : loaded.past()) {
                remember(a);
            }
            java.util.Set<String> rules = new java.util.HashSet<>();
            settings.rules().forEach(r -> rules.add(r.name()));
            for (Alert a : loaded.open()) {
                if (rules.contains(a.rule())) {
                    put(a);
                } else {
                    // Its rule was removed from the configuration: nothing would ever resolve it.
                    System.getLogger(AlertEngine.class.getName()).log(System.Logger.Level.INFO,
                            "dropping open alert {0}: rule {1} is no longer configured", a.key(), a.rule());
                }
            }
        }
    }

    /** Called with every alert that starts firing (on the assembler thread). */
    public void addFiringListener(Consumer<Alert> listener) {
        onFiring.add(listener);
    }

    @Override
    public void accept(FleetSnapshot snap) {
        List<Alert> fired = new ArrayList<>();
        synchronized (this) {
            now = snap.takenAt();
            IdleReport report = idle.get();
            AlertMeasures.Groups groups = new AlertMeasures.Groups(snap);
            for (AlertRule rule : settings.rules()) {
                AlertMeasures.Values values = AlertMeasures.measure(rule, snap, report, groups);
                java.util.Set<String> withAlert = openGroups.getOrDefault(rule.name(), java.util.Set.of());
                String[] names = values.groups();
                double[] v = values.values();
                for (int i = 0; i < names.length; i++) {
                    if (names[i] != null && (rule.holds(v[i]) || withAlert.contains(names[i]))) {
                        step(rule, names[i], v[i], fired);
                    }
                }
                // Open alerts of this rule whose group is gone count as false.
                for (String group : List.copyOf(withAlert)) {
                    if (!values.has(group)) {
                        step(rule, group, Double.NaN, fired);
                    }
                }
            }
        }
        for (Alert a : fired) {
            for (Consumer<Alert> l : onFiring) {
                l.accept(a);
            }
        }
    }

    private void step(AlertRule rule, String group, double value, List<Alert> fired) {
        String key = rule.name() + "|" + group;
        Alert a = open.get(key);
        String text = rule.metric().format(value);
        if (rule.holds(value)) {
            lastTrue.put(key, now);
            if (a == null) {
                a = new Alert(key, rule.name(), rule.severity(), rule.scope(), group, rule.describe(), text,
                        Alert.State.PENDING, now, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty());
            }
            if (a.state() == Alert.State.PENDING
                    && Duration.between(a.pendingSince(), now).compareTo(rule.forAtLeast()) >= 0) {
                a = a.with(Alert.State.FIRING, text, Optional.of(now), Optional.empty());
                record("firing", a);
                fired.add(a);
            } else {
                a = a.with(a.state(), text, a.firedAt(), Optional.empty());
            }
            put(a);
            return;
        }
        if (a == null) {
            return;
        }
        if (a.state() == Alert.State.PENDING) {
            remove(a); // never fired: nothing to resolve
            lastTrue.remove(key);
            return;
        }
        Instant last = lastTrue.getOrDefault(key, a.firedAt().orElse(a.pendingSince()));
        if (Duration.between(last, now).compareTo(settings.clearAfter()) >= 0) {
            Alert resolved = a.with(Alert.State.RESOLVED, Double.isNaN(value) ? a.value() : text, a.firedAt(),
                    Optional.of(now));
            remove(a);
            lastTrue.remove(key);
            remember(resolved);
            record("resolved", resolved);
        } else if (!Double.isNaN(value)) {
            put(a.with(a.state(), text, a.firedAt(), Optional.empty()));
        }
    }

    private void put(Alert a) {
        open.put(a.key(), a);
        openGroups.computeIfAbsent(a.rule(), r -> new java.util.HashSet<>()).add(a.group());
    }

    private void remove(Alert a) {
        open.remove(a.key());
        java.util.Set<String> g = openGroups.get(a.rule());
        if (g != null) {
            g.remove(a.group());
        }
    }

    private void remember(Alert resolved) {
        past.addFirst(resolved);
        while (past.size() > PAST_KEPT) {
            past.removeLast();
        }
    }

    private void record(String event, Alert a) {
        if (store != null) {
            store.append(event, a);
        }
    }

    /** Acknowledges an open alert: it stays until resolved, without further notifications. */
    public synchronized boolean ack(String key, Instant at) {
        Alert a = open.get(key);
        if (a == null) {
            return false;
        }
        a = a.acked(at);
        put(a);
        record("acked", a);
        return true;
    }

    private final Map<String, String> elsewhere = new java.util.HashMap<>();

    /** Silences an open alert until a time. */
    public synchronized boolean silence(String key, Instant until) {
        Alert a = open.get(key);
        if (a == null) {
            return false;
        }
        a = a.silenced(until);
        put(a);
        record("silenced", a);
        return true;
    }

    /** Silences an open alert because someone silenced it elsewhere ({@code by}: "Alertmanager: bob, why"). */
    public synchronized boolean silenceElsewhere(String key, Instant until, String by) {
        if (!silence(key, until)) {
            return false;
        }
        elsewhere.put(key, by);
        return true;
    }

    /**
     * Whether a firing alert's condition is false now and it waits out {@code clear-after} before resolving (damping).
     */
    public synchronized boolean isClearing(Alert a) {
        Instant last = lastTrue.get(a.key());
        return a.state() == Alert.State.FIRING && (last == null || last.isBefore(now));
    }

    /** Everything a view shows of the engine, copied at once (a consistent picture). Any thread. */
    public synchronized AlertState state() {
        java.util.Set<String> clearing = new java.util.HashSet<>();
        for (Alert a : open.values()) {
            if (isClearing(a)) {
                clearing.add(a.key());
            }
        }
        elsewhere.keySet().retainAll(open.keySet());
        return new AlertState(open(), firing(), past(), clearing, settings, elsewhere);
    }

    /** Open alerts (firing first, then by severity and time). */
    public synchronized List<Alert> open() {
        List<Alert> list = new ArrayList<>(open.values());
        list.sort(Comparator.comparing((Alert a) -> a.state() != Alert.State.FIRING)
                .thenComparing(Alert::severity, Comparator.reverseOrder())
                .thenComparing(Alert::pendingSince));
        return list;
    }

    /** Firing alerts that nobody acknowledged or silenced. */
    public synchronized List<Alert> firing() {
        List<Alert> list = new ArrayList<>();
        for (Alert a : open.values()) {
            if (a.state() == Alert.State.FIRING) {
                list.add(a);
            }
        }
        return list;
    }

    /** Resolved alerts, newest first (at most {@value #PAST_KEPT}). */
    public synchronized List<Alert> past() {
        return List.copyOf(past);
    }

    public AlertSettings settings() {
        return settings;
    }

    /**
     * Applies edited settings (a reloaded configuration) from the next snapshot on. Open alerts of a rule that is
     * gone, or whose condition changed, resolve now: nothing would ever resolve them otherwise. Alerts of unchanged
     * rules keep their state, acknowledgement and silence.
     */
    public synchronized void reconfigure(AlertSettings next) {
        Map<String, AlertRule> kept = new HashMap<>();
        next.rules().forEach(r -> kept.put(r.name(), r));
        for (Alert a : List.copyOf(open.values())) {
            AlertRule before = settings.rules().stream().filter(r -> r.name().equals(a.rule())).findFirst()
                    .orElse(null);
            if (before != null && before.equals(kept.get(a.rule()))) {
                continue;
            }
            remove(a);
            lastTrue.remove(a.key());
            if (a.state() == Alert.State.FIRING) {
                Alert resolved = a.with(Alert.State.RESOLVED, a.value(), a.firedAt(), Optional.of(now));
                remember(resolved);
                record("resolved", resolved);
            }
        }
        settings = next;
    }
}
