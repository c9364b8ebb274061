package dev.fleetdeck.service.noc;

import dev.fleetdeck.model.AlertScope;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.alerts.Alert;
import dev.fleetdeck.service.alerts.AlertState;
import dev.fleetdeck.support.AlertmanagerServer;
import dev.fleetdeck.support.SimFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FleetDeck's alerts reach a real Alertmanager with the right labels, resolve there, and survive its restart. */
class AlertmanagerSenderTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void anAlertFiresResolvesAndNothingIsLostWhileAlertmanagerRestarts() throws Exception {
        FleetFrame base = new SimFrames(2, Duration.ofSeconds(10)).frames(1, 0, 0).getFirst();
        Instant firedAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        Alert hot = firing("gpu-hot", AlertScope.NODE, "alpha/alpha-h100-0003", firedAt);
        Alert region = firing("capacity-low", AlertScope.REGION, "us-east-1", firedAt);
        try (AlertmanagerServer am = AlertmanagerServer.start(dir);
             // the same Alertmanager twice stands for an HA pair: both get every alert, nothing doubles
             AlertmanagerSender sender = new AlertmanagerSender(List.of(am.uri(), URI.create(am.uri() + "/")),
                     Duration.ofSeconds(5), Clock.systemUTC())) {
            sender.accept(with(base, List.of(hot, region), List.of()));
            JsonNode got = await(am, a -> a.size() == 2 && active(a, "gpu-hot"), "both alerts in Alertmanager");
            JsonNode node = find(got, "gpu-hot");
            assertEquals("critical", node.path("labels").path("severity").asString());
            assertEquals("alpha", node.path("labels").path("provider").asString());
            assertEquals("alpha-h100-0003", node.path("labels").path("node").asString());
            assertEquals("fleetdeck", node.path("labels").path("generator").asString());
            assertEquals("hottest GPU above 90 °C", node.path("annotations").path("summary").asString());
            assertEquals("93 °C", node.path("annotations").path("value").asString());
            assertEquals(firedAt, Instant.parse(node.path("startsAt").asString()), "startsAt is when it fired");
            assertEquals("us-east-1", find(got, "capacity-low").path("labels").path("region").asString());

            // Alertmanager dies; meanwhile gpu-hot resolves and a new alert fires. Nothing of it may be lost.
            am.kill();
            Alert xid = firing("xid-serious", AlertScope.NODE, "beta/beta-b200-0001",
                    Instant.now().truncatedTo(ChronoUnit.SECONDS));
            sender.accept(with(base, List.of(region, xid), List.of(resolvedOf(hot))));
            Thread.sleep(1500); // at least one failed attempt
            assertFalse(sender.delivered(), "not delivered while Alertmanager is down");
            am.restart();
            JsonNode after = await(am, a -> active(a, "xid-serious") && active(a, "capacity-low"),
                    "the alert that fired while it was down, and the one still firing");
            assertFalse(active(after, "gpu-hot"), "gpu-hot is not active after the restart: " + after);
            awaitDelivered(sender);
            assertEquals(firedAt, Instant.parse(find(after, "capacity-low").path("startsAt").asString()),
                    "a resend keeps startsAt: the same alert, not a new one");

            // Everything resolves: Alertmanager is told (endsAt) and holds none active.
            sender.accept(with(base, List.of(), List.of(resolvedOf(region), resolvedOf(xid))));
            await(am, a -> !active(a, "capacity-low") && !active(a, "xid-serious"),
                    "every alert resolved in Alertmanager");
            awaitDelivered(sender);
        }
    }

    @Test
    void aSilenceMadeInFleetDeckAppearsThereAndOneMadeThereComesBack() throws Exception {
        FleetFrame base = new SimFrames(2, Duration.ofSeconds(10)).frames(1, 0, 0).getFirst();
        Instant firedAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        Alert hot = firing("gpu-hot", AlertScope.NODE, "alpha/alpha-h100-0003", firedAt);
        Alert region = firing("capacity-low", AlertScope.REGION, "us-east-1", firedAt);
        java.util.List<AlertmanagerSender.SilencedThere> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AlertmanagerServer am = AlertmanagerServer.start(dir);
             AlertmanagerSender sender = new AlertmanagerSender(List.of(am.uri()), Duration.ofSeconds(5),
                     Clock.systemUTC())) {
            sender.onSilencedThere(heard::add);
            sender.accept(with(base, List.of(hot, region), List.of()));
            await(am, a -> active(a, "gpu-hot") && active(a, "capacity-low"), "both alerts");

            // Silenced in FleetDeck: a silence in Alertmanager with the alert's labels, our user and comment.
            Instant until = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            sender.silence(hot, Optional.empty(), until, "alice", "silenced in FleetDeck");
            JsonNode silence = awaitSilence(am, "alice");
            assertEquals("FleetDeck: silenced in FleetDeck", silence.path("comment").asString());
            assertEquals(until, Instant.parse(silence.path("endsAt").asString()));
            java.util.Map<String, String> matchers = new java.util.HashMap<>();
            silence.path("matchers").forEach(m -> matchers.put(m.path("name").asString(), m.path("value").asString()));
            assertEquals("gpu-hot", matchers.get("alertname"));
            assertEquals("alpha-h100-0003", matchers.get("node"));
            await(am, a -> "suppressed".equals(find(a, "gpu-hot").path("status").path("state").asString()),
                    "Alertmanager holds gpu-hot silenced");
            assertTrue(heard.isEmpty(), "our own silence is not reported back as someone else's: " + heard);

            // Silenced in Alertmanager by someone else: FleetDeck hears of it, for that alert only.
            am.createSilence("alertname", "capacity-low", "bob", "maintenance window", Duration.ofMinutes(30));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (heard.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(1, heard.size(), heard.toString());
            assertEquals(region.key(), heard.getFirst().alertKey());
            assertEquals("bob", heard.getFirst().createdBy());
            assertEquals("maintenance window", heard.getFirst().comment());
        }
    }

    private static JsonNode awaitSilence(AlertmanagerServer am, String by) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode s : am.silences()) {
                if (s.path("createdBy").asString().equals(by)) {
                    return s;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no silence by " + by + " in Alertmanager: " + am.silences());
    }

    private static Alert firing(String rule, AlertScope scope, String group, Instant at) {
        return new Alert(rule + "|" + group, rule, Health.CRIT, scope, group,
                rule.equals("gpu-hot") ? "hottest GPU above 90 °C" : rule, "93 °C", Alert.State.FIRING,
                at.minusSeconds(60), Optional.of(at), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Alert resolvedOf(Alert a) {
        return new Alert(a.key(), a.rule(), a.severity(), a.scope(), a.group(), a.summary(), a.value(),
                Alert.State.RESOLVED, a.pendingSince(), a.firedAt(),
                Optional.of(Instant.now().truncatedTo(ChronoUnit.SECONDS)), Optional.empty(), Optional.empty());
    }

    private static FleetFrame with(FleetFrame f, List<Alert> firing, List<Alert> past) {
        AlertState s = new AlertState(firing, firing, past, java.util.Set.of(), f.alerts().settings());
        return new FleetFrame(f.revision(), f.snapshot(), s, f.idle(), f.events(), f.history());
    }

    /** Present in Alertmanager and not over (its endsAt still ahead). */
    private static boolean active(JsonNode alerts, String name) {
        JsonNode a = find(alerts, name);
        return a != null && Instant.parse(a.path("endsAt").asString()).isAfter(Instant.now())
                && "active".equals(a.path("status").path("state").asString());
    }

    private static JsonNode find(JsonNode alerts, String name) {
        for (JsonNode a : alerts) {
            if (a.path("labels").path("alertname").asString().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private static JsonNode await(AlertmanagerServer am, java.util.function.Predicate<JsonNode> done, String what)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = am.alerts();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " within " + WAIT + "; Alertmanager has: " + last);
    }

    private static void awaitDelivered(AlertmanagerSender sender) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!sender.delivered() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(sender.delivered(), "every Alertmanager got the latest state, resolutions included");
        assertNotNull(sender);
    }
}
