package dev.fleetdeck.config;

import dev.fleetdeck.model.AlertMetric;
import dev.fleetdeck.model.AlertScope;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.provider.ProviderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader(ProviderRegistry.load());

    private List<String> errors(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml, "fleet.yaml"));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void theBuiltInFleetLoadsWithTwoSimulatedProviders() throws Exception {
        try (FleetDeckConfig config = loader.loadDefault()) {
            assertTrue(config.isBuiltInDefault());
            assertEquals(List.of("sim-cloud", "sim-partner"), config.providers().stream().map(p -> p.spec().name()).toList());
            assertEquals(Duration.ofSeconds(2), config.providers().getFirst().spec().interval());
            assertEquals(Duration.ofMinutes(5), config.unreachableAfter());
        }
    }

    @Test
    void aValidFileLoads() throws Exception {
        String yaml = """
                polling:
                  unreachable-after: 90s
                providers:
                  - name: lab
                    type: simulated
                    interval: 500ms
                    timeout: 3s
                    options:
                      nodes: 4
                      gpus-per-node: 2
                      regions: [onprem]
                      models: {L40S: 1}
                """;
        try (FleetDeckConfig config = loader.parse(yaml, "fleet.yaml")) {
            assertEquals(Duration.ofSeconds(90), config.unreachableAfter());
            assertEquals(Duration.ofMillis(500), config.providers().getFirst().spec().interval());
            assertEquals("simulated", config.providers().getFirst().provider().type());
        }
    }

    @Test
    void everyErrorIsReportedWithLineColumnAndPath() {
        String yaml = """
                providers:
                  - name: a
                    type: simulated
                    interval: soon
                    options:
                      nodes: many
                      modles: {H100: 1}
                  - name: a
                    type: prometheus-typo
                  - type: simulated
                    options:
                      models: {H900: 3}
                colour: blue
                """;
        List<String> errors = errors(yaml);
        assertEquals(List.of(
                "fleet.yaml:4:15: providers[0].interval: expected a positive duration such as 500ms, 2s, 5m or 1h, found 'soon'",
                "fleet.yaml:6:14: providers[0].options.nodes: expected a whole number, found 'many'",
                "fleet.yaml:7:7: providers[0].options.modles: unknown key; did you mean 'models'? (known here: event-rate, gpus-per-node, host-prefix, "
                        + "market, models, nodes, regions, seed, start, tenants, time-scale)",
                "fleet.yaml:8:11: providers[1].name: 'a' is already the name of providers[0]",
                "fleet.yaml:9:11: providers[1].type: unknown provider type 'prometheus-typo'; known types: "
                        + String.join(", ", ProviderRegistry.load().types()),
                "fleet.yaml:10:5: providers[2].name: missing: every provider needs a unique name",
                "fleet.yaml:12:22: providers[2].options.models.H900: unknown GPU model; known models: H100, H200, B200, "
                        + "A100, L40S, RTX4090",
                "fleet.yaml:13:1: colour: unknown key (known here: alerts, polling, providers, recording, service, showroom)"), errors);
    }

    @Test
    void brokenYamlNamesItsPlace() {
        List<String> errors = errors("providers:\n  - name: a\n   type: [unclosed\n");
        assertEquals(1, errors.size());
        assertTrue(errors.getFirst().startsWith("fleet.yaml:3:"), errors.getFirst());
        assertTrue(errors.getFirst().contains("indentation does not match"), errors.getFirst());
    }

    @Test
    void emptyAndWrongShapes() {
        assertEquals(List.of("fleet.yaml:1:1: the file is empty"), errors(""));
        assertEquals(List.of("fleet.yaml:1:1: expected a mapping with a 'providers' list, found 'just text'"),
                errors("just text"));
        assertEquals(List.of("fleet.yaml:1:1: providers: missing: list at least one provider"), errors("polling: {}\n"));
        assertEquals(List.of("fleet.yaml:1:12: providers: the list is empty: list at least one provider"),
                errors("providers: []\n"));
        assertEquals(List.of("fleet.yaml:3:5: providers[0].name: duplicate key (first written at line 2)"),
                errors("providers:\n  - name: a\n    name: b\n    type: simulated\n"));
    }

    @Test
    void hostileFilesAreRefused(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.yaml");
        Files.write(huge, new byte[(int) ConfigLoader.MAX_BYTES + 1]);
        ConfigException tooBig = assertThrows(ConfigException.class, () -> loader.load(huge));
        assertTrue(tooBig.getMessage().contains("limited to"), tooBig.getMessage());

        Path binary = dir.resolve("bin.yaml");
        Files.write(binary, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(binary)).getMessage().contains("not UTF-8"));

        Path missing = dir.resolve("nope.yaml");
        assertEquals(missing + ": no such file", assertThrows(ConfigException.class, () -> loader.load(missing)).getMessage());

        String deep = "a: " + "[".repeat(200) + "]".repeat(200) + "\nproviders: []\n";
        assertTrue(errors(deep).stream().anyMatch(e -> e.contains("nested deeper")), () -> errors(deep).toString());
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(250), DurationText.parse("250ms").orElseThrow());
        assertEquals(Duration.ofMillis(1500), DurationText.parse("1.5s").orElseThrow());
        assertEquals(Duration.ofHours(2), DurationText.parse("2h").orElseThrow());
        assertTrue(DurationText.parse("5").isEmpty(), "a unit is required");
        assertTrue(DurationText.parse("-1s").isEmpty());
        assertTrue(DurationText.parse("400d").isEmpty(), "over a year is refused");
        assertEquals("90s", DurationText.format(Duration.ofSeconds(90)));
        assertEquals("5m", DurationText.format(Duration.ofMinutes(5)));
    }

    @Test
    void showroomBrandingIsReadAndChecked() throws Exception {
        String ok = """
                showroom:
                  title: Acme Cloud
                  accent: "#ff7b72"
                  currency: EUR
                  currency-rate: 0.92
                  models: [B200, H100]
                  rotate-every: 20s
                  pin: "2468"
                providers:
                  - name: lab
                    type: simulated
                    options: {nodes: 2}
                """;
        try (FleetDeckConfig c = loader.parse(ok, "s.yaml")) {
            var s = c.showroom();
            assertEquals("Acme Cloud", s.title());
            assertEquals("#ff7b72", s.accent());
            assertEquals("EUR", s.currency());
            assertEquals(0.92, s.currencyRate());
            assertEquals(java.util.List.of("B200", "H100"), s.models());
            assertEquals(java.time.Duration.ofSeconds(20), s.rotateEvery());
            assertEquals(java.util.Optional.of("2468"), s.pin());
        }
        String bad = """
                showroom:
                  accent: blue
                  rotate-every: 500ms
                  pin: abc
                  logo: /nonexistent/logo.png
                providers:
                  - name: lab
                    type: simulated
                """;
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> loader.parse(bad, "s.yaml"));
        assertThat(e.getMessage()).contains("showroom.accent: expected a colour such as")
                .contains("showroom.rotate-every: must be at least 2s")
                .contains("showroom.pin: must be 4 to 12 digits")
                .contains("showroom.logo: cannot read /nonexistent/logo.png");
    }

    @Test
    void alertRulesAndIdleSettingsAreReadAndChecked() throws Exception {
        String ok = """
                alerts:
                  idle-below: 3
                  idle-for: 30m
                  clear-after: 5m
                  history-file: /tmp/fd-alerts.jsonl
                  rules:
                    - name: gpu-hot
                      metric: gpu-temperature
                      above: 88
                      for: 3m
                      severity: crit
                      scope: model
                      match: H100
                    - name: lost-gpus
                      metric: reason
                      reason: gpu-missing
                providers:
                  - name: lab
                    type: simulated
                    options: {nodes: 2}
                """;
        try (FleetDeckConfig c = loader.parse(ok, "a.yaml")) {
            var a = c.alerts();
            assertEquals(3, a.idleBelowPct());
            assertEquals(java.time.Duration.ofMinutes(30), a.idleFor());
            assertEquals(java.util.Optional.of(java.nio.file.Path.of("/tmp/fd-alerts.jsonl")), a.historyFile());
            var hot = a.rules().stream().filter(r -> r.name().equals("gpu-hot")).toList();
            assertEquals(1, hot.size(), "a rule named like a built-in one replaces it");
            assertEquals(88, hot.getFirst().threshold());
            assertEquals(Health.CRIT, hot.getFirst().severity());
            assertEquals(AlertScope.MODEL, hot.getFirst().scope());
            assertEquals(java.util.Optional.of("H100"), hot.getFirst().match());
            assertTrue(a.rules().stream().anyMatch(r -> r.name().equals("xid-burst")), "the other defaults stay");
            var lost = a.rules().stream().filter(r -> r.name().equals("lost-gpus")).findFirst().orElseThrow();
            assertEquals(AlertMetric.REASON, lost.metric());
            assertEquals("gpu-missing", lost.reason());
        }
        List<String> bad = errors("""
                alerts:
                  rules:
                    - name: a
                      metric: gpu-heat
                    - name: b
                      metric: utilization
                      above: 5
                      below: 1
                      severity: purple
                    - name: b
                      metric: reason
                providers:
                  - name: lab
                    type: simulated
                """);
        assertThat(String.join("\n", bad))
                .contains("fleet.yaml:4:15: alerts.rules[0].metric: unknown metric 'gpu-heat'; one of gpu-temperature")
                .contains("alerts.rules[1].below: give 'above' or 'below', not both")
                .contains("alerts.rules[1].severity: unknown severity 'purple'; one of warn, crit")
                .contains("alerts.rules[2].reason: metric 'reason' needs the health-reason code")
                .contains("alerts.rules[2].name: two rules are named 'b'");
    }

    @Test
    void theRecordingSectionIsReadAndCheckedLikeTheRest() throws Exception {
        try (FleetDeckConfig config = loader.parse("""
                recording:
                  resolution: 30s
                  retention: 7d
                  max-size: 2GiB
                  location: /srv/fleetdeck/recordings
                providers:
                  - {name: lab, type: simulated}
                """, "recording.yaml")) {
            assertEquals(Duration.ofSeconds(30), config.recording().resolution());
            assertEquals(Duration.ofDays(7), config.recording().retention());
            assertEquals(2L << 30, config.recording().maxBytes());
            assertEquals(java.nio.file.Path.of("/srv/fleetdeck/recordings"), config.recording().directory());
            assertTrue(config.recording().enabled());
        }
        try (FleetDeckConfig off = loader.parse("recording: {enabled: false}\nproviders: [{name: lab, type: simulated}]\n",
                "off.yaml")) {
            assertTrue(!off.recording().enabled());
        }
        List<String> bad = errors("""
                recording:
                  resolution: 100ms
                  retention: 10m
                  max-size: 1KiB
                  resolutoin: 5s
                providers:
                  - {name: lab, type: simulated}
                """);
        assertTrue(bad.stream().anyMatch(e -> e.contains("recording.resolution") && e.contains("1s to 10m")), bad.toString());
        assertTrue(bad.stream().anyMatch(e -> e.contains("recording.retention") && e.contains("1h to 365d")), bad.toString());
        assertTrue(bad.stream().anyMatch(e -> e.contains("recording.max-size")), bad.toString());
        assertTrue(bad.stream().anyMatch(e -> e.contains("recording.resolutoin") && e.contains("did you mean")),
                bad.toString());
    }

    @Test
    void theServiceSectionAndAlertmanagersAreReadAndChecked() throws Exception {
        try (FleetDeckConfig config = loader.parse("""
                service:
                  listen: "[::1]:9500"
                  tenant-metrics: true
                  desktop-endpoint: true
                alerts:
                  send-to:
                    alertmanager: ["http://127.0.0.1:9093", "https://am-2.example.net:9093/"]
                    resend-every: 30s
                  receive-from:
                    prometheus: ["http://127.0.0.1:9090"]
                    alertmanager: ["http://127.0.0.1:9093"]
                providers:
                  - {name: lab, type: simulated}
                """, "service.yaml")) {
            assertEquals(List.of(java.net.URI.create("http://127.0.0.1:9090")), config.service().prometheusAlerts());
            assertEquals(List.of(java.net.URI.create("http://127.0.0.1:9093")), config.service().alertmanagerAlerts());
            assertEquals("::1", config.service().host());
            assertEquals(9500, config.service().port());
            assertTrue(config.service().tenantMetrics());
            assertTrue(config.service().desktopEndpoint());
            assertEquals(List.of(java.net.URI.create("http://127.0.0.1:9093"),
                    java.net.URI.create("https://am-2.example.net:9093/")), config.service().alertmanagers());
            assertEquals(Duration.ofSeconds(30), config.service().resendEvery());
        }
        try (FleetDeckConfig plain = loader.parse("providers: [{name: lab, type: simulated}]\n", "plain.yaml")) {
            assertEquals("127.0.0.1", plain.service().host(), "the loopback unless told otherwise");
            assertEquals(9401, plain.service().port());
            assertEquals(List.of(), plain.service().alertmanagers());
            assertTrue(!plain.service().desktopEndpoint(), "the window serves nothing unless asked");
        }
        List<String> bad = errors("""
                service:
                  listen: 9401
                  lisen: 1.2.3.4:1
                alerts:
                  send-to:
                    alertmanager: ["ftp://am:21", "http://user:secret@am:9093", "env:FLEETDECK_NO_SUCH_VARIABLE"]
                    resend-every: 1s
                providers:
                  - {name: lab, type: simulated}
                """);
        assertTrue(bad.stream().anyMatch(e -> e.contains("service.listen") && e.contains("HOST:PORT")), bad.toString());
        assertTrue(bad.stream().anyMatch(e -> e.contains("service.lisen") && e.contains("did you mean")),
                bad.toString());
        assertTrue(bad.stream().anyMatch(e -> e.contains("'ftp://am:21'")), bad.toString());
        assertTrue(bad.stream().anyMatch(e -> e.contains("user or password")), bad.toString());
        assertTrue(bad.stream().noneMatch(e -> e.contains("secret")), "a password in a URL is never echoed: " + bad);
        assertTrue(bad.stream().anyMatch(e -> e.contains("FLEETDECK_NO_SUCH_VARIABLE is not set")), bad.toString());
        assertTrue(bad.stream().anyMatch(e -> e.contains("resend-every") && e.contains("5s to 30m")), bad.toString());
    }

    @Test
    void webhooksAreReadWithTheirFiltersAndABadOneIsNamedWithoutItsUrl(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path template = java.nio.file.Files.writeString(dir.resolve("hook.json"),
                "{\"t\": \"{{title}}\", \"n\": {{count}}, \"a\": {{alerts}}}");
        java.nio.file.Path broken = java.nio.file.Files.writeString(dir.resolve("broken.json"), "{\"t\": {{title}}");
        try (FleetDeckConfig config = loader.parse("""
                alerts:
                  send-to:
                    webhooks:
                      - {url: "https://hooks.example.com/gpu", format: json, template: "file:%s", match: {region: us-east-1}}
                      - {url: "file:%s", format: slack, min-severity: crit}
                    webhook-every: 10s
                providers:
                  - {name: lab, type: simulated}
                """.formatted(template, template), "hooks.yaml")) {
            var hooks = config.service().webhooks();
            assertEquals(2, hooks.size());
            assertEquals(dev.fleetdeck.model.WebhookRoute.Format.JSON, hooks.get(0).format());
            assertEquals(java.util.Map.of("region", "us-east-1"), hooks.get(0).match());
            assertEquals(java.util.Optional.of(template.toString()), hooks.get(0).template());
            assertEquals(dev.fleetdeck.model.Health.CRIT, hooks.get(1).minSeverity());
            assertEquals(Duration.ofSeconds(10), config.service().webhookEvery());
        }
        List<String> bad = errors("""
                alerts:
                  send-to:
                    webhooks:
                      - {url: "hxxps://hooks.slack.com/services/T0/B0/very-secret-token", format: slack}
                      - {url: "https://hooks.example.com/x", format: xml, min-severity: loud, template: "%s"}
                      - {format: json}
                providers:
                  - {name: lab, type: simulated}
                """.formatted(broken));
        assertTrue(bad.stream().anyMatch(e -> e.contains("webhooks[0].url")), bad.toString());
        assertTrue(bad.stream().noneMatch(e -> e.contains("very-secret-token")), "the URL is never echoed: " + bad);
        assertTrue(bad.stream().anyMatch(e -> e.contains("webhooks[1].format") && e.contains("slack or json")),
                bad.toString());
        assertTrue(bad.stream().anyMatch(e -> e.contains("webhooks[1].min-severity")), bad.toString());
        assertTrue(bad.stream().anyMatch(e -> e.contains("webhooks[1].template") && e.contains("not JSON")),
                bad.toString());
        assertTrue(bad.stream().anyMatch(e -> e.contains("webhooks[2].url") && e.contains("missing")), bad.toString());
    }
}
