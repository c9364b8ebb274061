package dev.fleetdeck.service.alerts;

import dev.fleetdeck.model.AlertScope;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.support.TestFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON-lines alert history: round trip, corrupt lines skipped, rotation bounds the size. */
class AlertStoreTest {
    private static Alert alert(String key, Alert.State state) {
        return new Alert(key, "gpu-hot", Health.CRIT, AlertScope.NODE, "p/n1", "hottest GPU above 90 °C", "93 °C",
                state, TestFleet.NOW, Optional.of(TestFleet.NOW.plusSeconds(60)),
                state == Alert.State.RESOLVED ? Optional.of(TestFleet.NOW.plusSeconds(600)) : Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void roundTripSkipsCorruptLinesWithoutFailing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        AlertStore store = new AlertStore(file, 1 << 20);
        store.append("firing", alert("a|1", Alert.State.FIRING));
        store.append("firing", alert("b|1", Alert.State.FIRING));
        store.append("resolved", alert("b|1", Alert.State.RESOLVED));
        Files.writeString(file, "{\"event\":\"firing\",\"key\":\"trunc\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(file, "not json at all\n{\"event\":\"firing\",\"key\":\"c\",\"severity\":\"purple\"}\n"
                + "x".repeat(AlertStore.MAX_LINE + 1) + "\n", java.nio.file.StandardOpenOption.APPEND);
        store.append("firing", alert("d|1", Alert.State.FIRING));

        AlertStore.Loaded loaded = store.load();
        assertEquals(4, loaded.skippedLines(), "truncated line, not JSON, bad severity, over-long line");
        assertEquals(java.util.List.of("a|1", "d|1"), loaded.open().stream().map(Alert::key).toList());
        assertEquals(1, loaded.past().size());
        Alert past = loaded.past().getFirst();
        assertEquals(alert("b|1", Alert.State.RESOLVED), past, "every field survives the round trip");
    }

    @Test
    void rotationKeepsOnePreviousFileAndLoadsBoth(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        AlertStore store = new AlertStore(file, 2_000);
        for (int i = 0; i < 40; i++) {
            store.append("firing", alert("k|" + i, Alert.State.FIRING));
        }
        assertTrue(Files.size(file) <= 2_000 + 600, "the current file stays near its bound: " + Files.size(file));
        assertTrue(Files.exists(dir.resolve("alerts.jsonl.1")));
        assertTrue(Files.size(dir.resolve("alerts.jsonl.1")) <= 2_000 + 600);
        int loaded = store.load().open().size();
        assertTrue(loaded > 4 && loaded < 40, "only the two newest files are kept: " + loaded);
    }
}
