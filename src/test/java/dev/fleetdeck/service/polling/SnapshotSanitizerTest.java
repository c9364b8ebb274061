package dev.fleetdeck.service.polling;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuProcess;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.provider.ProviderSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Every text of an answer is escaped and scrubbed before anything shows it; clean answers are not copied. */
class SnapshotSanitizerTest {
    @AfterEach
    void forget() {
        Redaction.clearForTests();
    }

    private static Node node(String host, String tenant, String process, String reason) {
        Gpu g = new Gpu(0, "GPU-1", "H100", 5, 1, 80, 40, 40, 100, 700, 1980, 0, 0, 0, Set.of(), "", Health.UNKNOWN,
                List.of(), List.of(new GpuProcess(1, process, 10)));
        return new Node(host, "p", "r", "H100", NodeState.RENTED, Optional.of(tenant), 2.0, "570", "12.8", 1,
                List.of(g), Health.UNKNOWN, List.of(new HealthReason(Health.WARN, "x", reason)));
    }

    @Test
    void aCleanAnswerIsTheSameObject() {
        ProviderSnapshot s = new ProviderSnapshot("p", Instant.EPOCH, List.of(node("a", "t", "python", "ok")),
                List.of("fine"));
        assertSame(s, SnapshotSanitizer.clean(s));
    }

    @Test
    void escapesAndSecretsAreRemovedFromEveryText() {
        Redaction.register("tok-0123456789abcdef");
        ProviderSnapshot s = new ProviderSnapshot("p", Instant.EPOCH, List.of(
                node("evil\u001b[31m", "acme\u202e", "tok-0123456789abcdef", "bell\u0007")),
                List.of("warn \u001b]0;title\u0007"));
        ProviderSnapshot c = SnapshotSanitizer.clean(s);
        Node n = c.nodes().getFirst();
        assertEquals("evil\\u001B[31m", n.hostname());
        assertEquals(Optional.of("acme\\u202E"), n.tenant());
        assertEquals("****", n.gpus().getFirst().processes().getFirst().name());
        assertEquals("bell\\u0007", n.healthReasons().getFirst().message());
        assertEquals(List.of("warn \\u001B]0;title\\u0007"), c.warnings());
    }
}
