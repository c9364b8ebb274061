package dev.fleetdeck.faults;

import dev.fleetdeck.config.ConfigLoader;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.ProviderState;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.service.assembly.FleetAssembler;
import dev.fleetdeck.service.health.HealthRules;
import dev.fleetdeck.service.polling.PolledProvider;
import dev.fleetdeck.service.polling.PollingService;
import dev.fleetdeck.support.FaultServer.Fault;
import dev.fleetdeck.support.FaultServer;
import dev.fleetdeck.support.FixedJitter;
import dev.fleetdeck.support.ManualPollTimer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same network faults against a real HTTP provider, the prometheus provider (configured from YAML as a user
 * would), through the polling service on a manual clock: each fault gives the right state and message, the
 * provider's nodes stay (marked stale), and it recovers when the server does.
 */
class PrometheusFaultTest {
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final String ANSWER = """
            {"status":"success","data":{"resultType":"vector","result":[
             {"metric":{"__name__":"DCGM_FI_DEV_GPU_TEMP","Hostname":"n1","gpu":"0","modelName":"NVIDIA H100 80GB HBM3"},"value":[1,"61"]},
             {"metric":{"__name__":"DCGM_FI_DEV_GPU_TEMP","Hostname":"n1","gpu":"1","modelName":"NVIDIA H100 80GB HBM3"},"value":[1,"62"]}]}}
            """;

    private FaultServer server;
    private ManualPollTimer timer;
    private FleetDeckConfig config;
    private PollingService service;

    @BeforeEach
    void start() throws Exception {
        server = new FaultServer();
        server.goodBody(ANSWER);
        String yaml = """
                providers:
                  - name: prom
                    type: prometheus
                    interval: 10s
                    timeout: 5s
                    options:
                      url: http://127.0.0.1:%d
                      http: {read-timeout: 400ms, max-response-size: 1MiB}
                """.formatted(server.uri().getPort());
        config = new ConfigLoader(ProviderRegistry.load()).parse(yaml, "t.yaml");
        timer = new ManualPollTimer(T0);
        var spec = config.providers().getFirst().spec();
        service = new PollingService(List.of(new PolledProvider(config.providers().getFirst().provider(),
                spec.interval(), spec.timeout(), spec.backoffMax())),
                new FleetAssembler(HealthRules.defaults(), Duration.ofMinutes(2)), timer, FixedJitter.MAX);
        service.start();
        timer.advance(Duration.ZERO);
        service.await(s -> status(s).state() == ProviderState.OK, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        server.close();
    }

    private static ProviderStatus status(FleetSnapshot s) {
        return s.providers().getFirst();
    }

    private ProviderStatus pollOnce() throws Exception {
        Instant at = status(service.latest()).nextAttempt().orElseThrow();
        timer.advanceTo(at);
        return status(service.await(s -> status(s).nextAttempt().map(t -> t.isAfter(at)).orElse(false),
                Duration.ofSeconds(10)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "HTTP_500|DEGRADED|HTTP 500 Internal Server Error from http://127.0.0.1:",
            "RATE_LIMITED_429|DEGRADED|server asked to retry after 7 s",
            "UNAUTHORIZED_401|AUTH_ERROR|HTTP 401 Unauthorized",
            "HTML_ERROR_PAGE|DEGRADED|an HTML page titled \"502 Bad Gateway\"",
            "TRUNCATED|DEGRADED|cut the response off after",
            "MALFORMED_JSON|DEGRADED|not a Prometheus API answer",
            "SCHEMA_CHANGED|DEGRADED|answered status ''",
            "OVERSIZED|DEGRADED|larger than 1 MiB (max-response-size)",
            "SILENCE|DEGRADED|did not answer within 400 ms"})
    void eachFaultIsNamedAndTheProviderRecovers(Fault fault, ProviderState state, String message) throws Exception {
        server.fault(fault);
        ProviderStatus s = pollOnce();
        assertEquals(state, s.state());
        assertThat(s.lastError().orElseThrow()).startsWith("prom: ").contains(message);
        FleetSnapshot snap = service.latest();
        assertEquals(1, snap.nodes().size(), "the last good data is kept");
        assertEquals(2, snap.nodes().getFirst().gpus().size());
        server.fault(Fault.OK);
        s = pollOnce();
        assertEquals(ProviderState.OK, s.state());
        assertThat(s.lastError()).isEmpty();
    }
}
