package dev.fleetdeck.hostile;

import dev.fleetdeck.support.ReplayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One lying answer cannot take the process down: {@code probe} runs in a child JVM with a 512 MiB heap on a config
 * with a simulated source beside sources whose 3.6 KB answers claim 60 × 1,000,000 GPUs (http-json, Lambda,
 * RunPod). It must end normally, with the simulated source reported and each hostile one in error.
 */
class HostileMemoryTest {
    @TempDir
    Path dir;

    @Test
    void hostileCountsBesideASimulatedSourceInA512MiBHeap() throws Exception {
        StringBuilder inventory = new StringBuilder("{\"data\": [");
        StringBuilder lambda = new StringBuilder("{\"data\": [");
        StringBuilder pods = new StringBuilder("{\"data\": {\"gpuTypes\": [], \"myself\": {\"pods\": [");
        for (int i = 0; i < 60; i++) {
            String sep = i == 0 ? "" : ",";
            inventory.append(sep).append("{\"id\": \"n").append(i).append("\", \"m\": \"H100\", \"g\": 1000000}");
            lambda.append(sep).append("{\"id\": \"i").append(i).append("\", \"name\": \"i").append(i)
                    .append("\", \"status\": \"active\", \"region\": {\"name\": \"us-east-1\"}, \"instance_type\": "
                            + "{\"gpu_description\": \"H100 (80 GB SXM5)\", \"specs\": {\"gpus\": 1000000}}}");
            pods.append(sep).append("{\"id\": \"p").append(i).append("\", \"name\": \"p").append(i)
                    .append("\", \"desiredStatus\": \"RUNNING\", \"gpuCount\": 1000000, \"machine\": {\"gpuDisplayName\":"
                            + " \"H100 SXM\"}}");
        }
        inventory.append("]}");
        lambda.append("]}");
        pods.append("]}}}");
        try (ReplayServer server = new ReplayServer().json("/inventory", inventory.toString())
                .json("/lambda/instance-types", "{\"data\": {}}").json("/lambda/instances", lambda.toString())
                .json("/runpod", pods.toString())) {
            Path key = Files.writeString(dir.resolve("key"), "fdk-memory-test-key-0123456789\n");
            Path config = Files.writeString(dir.resolve("hostile.yaml"), """
                    providers:
                      - name: sim
                        type: simulated
                        options: {nodes: 50}
                      - name: liar
                        type: http-json
                        timeout: 10s
                        options:
                          url: %1$s/inventory
                          nodes: {items: /data, id: /id, model: /m, gpus: /g}
                      - name: lambda-liar
                        type: lambda
                        timeout: 10s
                        options: {url: "%1$s/lambda", api-key: "file:%2$s"}
                      - name: runpod-liar
                        type: runpod
                        timeout: 10s
                        options: {url: "%1$s/runpod", api-key: "file:%2$s"}
                    """.formatted(server.base(), key));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-cp",
                    System.getProperty("java.class.path"), "dev.fleetdeck.cli.Main", "probe", "--config",
                    config.toString(), "--format", "json", "--summary"));
            Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ends");
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(err).doesNotContain("OutOfMemoryError");
            assertEquals(0, p.exitValue(), err);
            JsonNode root = JsonMapper.builder().build().readTree(new String(out, StandardCharsets.UTF_8));
            JsonNode providers = root.path("providers");
            assertThat(providers.isArray()).as(root.toString()).isTrue();
            for (JsonNode s : providers) {
                String name = s.path("name").asString();
                if (name.equals("sim")) {
                    assertEquals("ok", s.path("state").asString(), s.toString());
                    assertThat(s.path("nodes").asInt()).isEqualTo(50);
                } else {
                    assertThat(s.path("state").asString()).as(s.toString()).isIn("down", "degraded", "stale");
                    assertThat(s.path("lastError").asString()).as(name).contains("limits.gpus-per-node");
                }
            }
            assertEquals(4, providers.size());
        }
    }
}
