package dev.fleetdeck.service.noc;

import com.sun.net.httpserver.HttpServer;
import dev.fleetdeck.model.AlertScope;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.WebhookRoute;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.alerts.Alert;
import dev.fleetdeck.service.alerts.AlertState;
import dev.fleetdeck.support.SimFrames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks get Slack and templated JSON bodies, filtered per route, grouped and rate-limited, kept through failures. */
class WebhookSenderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Received(String path, String body, long nanos) {
    }

    @TempDir
    Path dir;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private FleetFrame base;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        receiver.createContext("/", ex -> {
            try (ex) {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (failFirst.getAndDecrement() > 0) {
                    ex.sendResponseHeaders(500, -1);
                    return;
                }
                received.add(new Received(ex.getRequestURI().getPath(), body, System.nanoTime()));
                ex.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        base = new SimFrames(2, Duration.ofSeconds(10)).frames(1, 0, 0).getFirst();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void slackAndTemplatedJsonAreFilteredGroupedAndRateLimited() throws Exception {
        Path slackUrl = Files.writeString(dir.resolve("slack-url"), url("/services/T000/B000/secret-token") + "\n");
        Path template = Files.writeString(dir.resolve("hook.json"),
                "{\"title\": \"{{title}}\", \"n\": {{count}}, \"sev\": \"{{severity}}\", \"alerts\": {{alerts}}}");
        List<WebhookRoute> routes = List.of(
                new WebhookRoute("file:" + slackUrl, WebhookRoute.Format.SLACK, Health.CRIT, Optional.empty(), Map.of()),
                new WebhookRoute(url("/gpu"), WebhookRoute.Format.JSON, Health.WARN, Optional.of(template.toString()),
                        Map.of("region", "us-east-1")));
        Alert nodeCrit = alert("gpu-critical", Health.CRIT, AlertScope.NODE, "alpha/alpha-h100-0001");
        Alert regionWarn = alert("stock-out", Health.WARN, AlertScope.REGION, "us-east-1");
        Alert otherRegion = alert("stock-out", Health.WARN, AlertScope.REGION, "eu-central-1");
        try (WebhookSender sender = new WebhookSender(routes, Duration.ofSeconds(1), Clock.systemUTC())) {
            sender.accept(frame(List.of(nodeCrit, regionWarn, otherRegion), List.of()));
            awaitCount("/services/T000/B000/secret-token", 1);
            awaitCount("/gpu", 1);
            String slack = text(only("/services/T000/B000/secret-token").getFirst());
            assertTrue(slack.startsWith("FleetDeck: 1 new alert: critical: gpu-critical on alpha/alpha-h100-0001"), slack);
            assertTrue(!slack.contains("stock-out"), "warnings stay out of a crit-only route: " + slack);

            JsonNode json = JSON.readTree(only("/gpu").getFirst().body());
            assertEquals(1, json.path("n").asInt(), "only the us-east-1 alert matches the route: " + json);
            assertEquals("warning", json.path("sev").asString());
            assertEquals("us-east-1", json.path("alerts").get(0).path("labels").path("region").asString());
            assertEquals("firing", json.path("alerts").get(0).path("status").asString());

            // Two more critical alerts right after: grouped into one message, a second or more after the first.
            Alert more1 = alert("gpu-critical", Health.CRIT, AlertScope.NODE, "alpha/alpha-h100-0002");
            Alert more2 = alert("xid-burst", Health.CRIT, AlertScope.NODE, "beta/beta-b200-0001");
            sender.accept(frame(List.of(nodeCrit, regionWarn, otherRegion, more1), List.of()));
            sender.accept(frame(List.of(nodeCrit, regionWarn, otherRegion, more1, more2), List.of()));
            awaitCount("/services/T000/B000/secret-token", 2);
            List<Received> slackMessages = only("/services/T000/B000/secret-token");
            assertTrue(text(slackMessages.get(1)).startsWith("FleetDeck: 2 new alerts: "), text(slackMessages.get(1)));
            long apart = (slackMessages.get(1).nanos() - slackMessages.get(0).nanos()) / 1_000_000;
            assertTrue(apart >= 900, "at most one message a second per route: " + apart + " ms apart");

            // The node alert resolves.
            sender.accept(frame(List.of(regionWarn, otherRegion, more1, more2), List.of(resolved(nodeCrit))));
            awaitCount("/services/T000/B000/secret-token", 3);
            assertTrue(text(only("/services/T000/B000/secret-token").get(2)).startsWith("FleetDeck: 1 resolved: "
                    + "resolved: gpu-critical on alpha/alpha-h100-0001"));
            Thread.sleep(1200);
            assertEquals(3, only("/services/T000/B000/secret-token").size(), "nothing sent twice");
            assertEquals(1, only("/gpu").size());
        }
    }

    @Test
    void aFailingWebhookKeepsItsAlertsAndDeliversThemLater() throws Exception {
        failFirst.set(2);
        List<WebhookRoute> routes = List.of(new WebhookRoute(url("/hook"), WebhookRoute.Format.JSON, Health.WARN,
                Optional.empty(), Map.of()));
        try (WebhookSender sender = new WebhookSender(routes, Duration.ofSeconds(1), Clock.systemUTC())) {
            sender.accept(frame(List.of(alert("gpu-hot", Health.WARN, AlertScope.NODE, "alpha/a-1")), List.of()));
            awaitCount("/hook", 1);
            JsonNode body = JSON.readTree(only("/hook").getFirst().body());
            assertEquals(1, body.path("count").asInt());
            assertEquals("gpu-hot", body.path("alerts").get(0).path("labels").path("alertname").asString());
            assertTrue(body.path("title").asString().startsWith("FleetDeck: 1 new alert"), body.toString());
        }
    }

    private void awaitCount(String path, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (only(path).size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(n, only(path).size(), path + ": " + received);
    }

    private List<Received> only(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private static String text(Received r) {
        return JSON.readTree(r.body()).path("text").asString();
    }

    private static Alert alert(String rule, Health severity, AlertScope scope, String group) {
        Instant at = Instant.parse("2026-12-01T03:12:00Z");
        return new Alert(rule + "|" + group, rule, severity, scope, group, rule + " summary", "1", Alert.State.FIRING,
                at, Optional.of(at), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Alert resolved(Alert a) {
        return new Alert(a.key(), a.rule(), a.severity(), a.scope(), a.group(), a.summary(), a.value(),
                Alert.State.RESOLVED, a.pendingSince(), a.firedAt(), Optional.of(Instant.parse("2026-12-01T03:20:00Z")),
                Optional.empty(), Optional.empty());
    }

    private FleetFrame frame(List<Alert> firing, List<Alert> past) {
        AlertState s = new AlertState(firing, firing, past, java.util.Set.of(), base.alerts().settings());
        return new FleetFrame(base.revision(), base.snapshot(), s, base.idle(), base.events(), base.history());
    }
}
