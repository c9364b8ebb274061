package dev.fleetdeck.provider.prom;

import com.sun.net.httpserver.HttpServer;
import dev.fleetdeck.config.ConfigLoader;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.provider.ProviderSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The prometheus provider's handling of what an API server can answer, against a JDK HTTP server on 127.0.0.1. */
class PrometheusProviderTest {
    private HttpServer server;
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final List<String> queries = new ArrayList<>();
    private FleetDeckConfig config;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/prom/api/v1/query", ex -> {
            queries.add(URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (config != null) {
            config.close();
        }
        server.stop(0);
    }

    private FleetProvider provider() throws Exception {
        String yaml = """
                providers:
                  - name: thanos
                    type: prometheus
                    options:
                      url: http://127.0.0.1:%d/prom
                      selector: 'cluster="a",job="dcgm"'
                      node-labels: [node]
                      region-label: zone
                """.formatted(server.getAddress().getPort());
        config = new ConfigLoader(ProviderRegistry.load()).parse(yaml, "t.yaml");
        return config.providers().getFirst().provider();
    }

    @Test
    void onePromqlQueryPerPollSelectsEverySeriesByName() throws Exception {
        answer.set("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
        ProviderSnapshot snap = provider().poll();
        assertEquals(1, queries.size());
        assertThat(queries.getFirst()).startsWith("query={__name__=~\"DCGM_FI_DEV_GPU_UTIL|")
                .contains("DCGM_FI_DEV_FB_USED|").contains("DCGM_EXP_GPU_HEALTH_STATUS")
                .endsWith("\",cluster=\"a\",job=\"dcgm\"}");
        assertEquals(List.of("no dcgm-exporter series match " + queries.getFirst().substring(6)), snap.warnings());
    }

    @Test
    void aPartialAnswerIsDegradedWithTheStoresWords() throws Exception {
        answer.set("""
                {"status":"success","data":{"resultType":"vector","result":[
                 {"metric":{"__name__":"DCGM_FI_DEV_GPU_TEMP","node":"n1","zone":"eu-1","gpu":"0"},"value":[1,"61"]},
                 {"metric":{"__name__":"DCGM_FI_DEV_GPU_TEMP","node":"n1","zone":"eu-1","gpu":"1"},"value":[1,"NaN"]}]},
                 "warnings":["partial response: store gateway eu-2 unreachable"]}
                """);
        ProviderSnapshot snap = provider().poll();
        assertEquals(List.of("Prometheus warns: partial response: store gateway eu-2 unreachable"), snap.warnings());
        assertEquals("eu-1", snap.nodes().getFirst().region());
        assertEquals(61.0, snap.nodes().getFirst().gpus().get(0).temperatureC());
        assertThat(snap.nodes().getFirst().gpus().get(1).temperatureC()).isNaN();
    }

    @Test
    void notAnInstantVectorIsBadData() throws Exception {
        answer.set(new String(ExpositionParserTest.resource("/fixtures/prometheus-api/prometheus-docs-query-range-matrix.json")));
        ProviderException e = assertThrows(ProviderException.class, () -> provider().poll());
        assertEquals(ProviderException.Kind.BAD_DATA, e.kind());
        assertThat(e.getMessage()).contains("answered a matrix where a vector was expected");
        answer.set("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"x\"]}]}}");
        e = assertThrows(ProviderException.class, () -> config.providers().getFirst().provider().poll());
        assertThat(e.getMessage()).contains("not a Prometheus API answer");
    }

    @Test
    void theDocumentedAnswersParse() throws Exception {
        List<String> seen = new ArrayList<>();
        PromResponse.Outcome o = PromResponse.read(ExpositionParserTest.resource(
                "/fixtures/prometheus-api/prometheus-docs-query-range-matrix.json"),
                (labels, t, v) -> seen.add(labels.get("instance") + "@" + t + "=" + v));
        assertEquals("matrix", o.resultType());
        assertEquals(List.of("localhost:9090@1435781430781=1.0", "localhost:9090@1435781445781=1.0",
                "localhost:9090@1435781460781=1.0", "localhost:9091@1435781430781=0.0",
                "localhost:9091@1435781445781=0.0", "localhost:9091@1435781460781=1.0"), seen);
        List<PromSample> vector = new ArrayList<>();
        o = PromResponse.readVector(ExpositionParserTest.resource(
                "/fixtures/prometheus-api/prometheus-docs-query-instant-vector.json"), vector::add);
        assertEquals("vector", o.resultType());
        assertEquals(2, vector.size());
        assertEquals("up", vector.getFirst().name());
    }
}
