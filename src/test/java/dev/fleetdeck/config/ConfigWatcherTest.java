package dev.fleetdeck.config;

import dev.fleetdeck.provider.ProviderRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigWatcherTest {
    private static final String VALID = """
            providers:
              - name: sim
                type: simulated
                options: {nodes: 2}
            """;

    @TempDir
    Path dir;
    private final LinkedBlockingQueue<ConfigWatcher.Outcome> outcomes = new LinkedBlockingQueue<>();
    private ConfigWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        outcomes.forEach(o -> {
            if (o instanceof ConfigWatcher.Outcome.Loaded l) {
                l.config().close();
            }
        });
    }

    private ConfigWatcher.Outcome next() throws InterruptedException {
        ConfigWatcher.Outcome o = outcomes.poll(15, TimeUnit.SECONDS);
        if (o == null) {
            throw new AssertionError("no reload within 15 s");
        }
        return o;
    }

    private ConfigWatcher watch(Path file, byte[] current) {
        watcher = new ConfigWatcher(file, new ConfigLoader(ProviderRegistry.load()), current, outcomes::add).start();
        return watcher;
    }

    @Test
    void validEditIsLoadedInvalidEditIsRejectedWithEveryErrorAndSameContentIsIgnored() throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, VALID);
        watch(file, Files.readAllBytes(file));

        Files.writeString(file, VALID.replace("nodes: 2", "nodes: 3"));
        ConfigWatcher.Outcome loaded = next();
        assertEquals("sim", assertInstanceOf(ConfigWatcher.Outcome.Loaded.class, loaded).config().providers()
                .getFirst().spec().name());

        Files.writeString(file, VALID.replace("nodes: 2", "nodes: many").replace("type: simulated",
                "type: simulated\n    intervl: 5s"));
        var rejected = assertInstanceOf(ConfigWatcher.Outcome.Rejected.class, next());
        assertEquals(2, rejected.errors().size(), rejected.errors().toString());
        assertTrue(rejected.errors().stream().anyMatch(e -> e.toString().contains("did you mean 'interval'")),
                rejected.errors().toString());
        assertTrue(rejected.errors().getFirst().location().line() > 0, "errors name the line");

        // Rewriting the same text (a touch, a save without changes) is not a reload.
        Files.writeString(file, Files.readString(file));
        assertNull(outcomes.poll(ConfigWatcher.RECHECK.toMillis() + 1500, TimeUnit.MILLISECONDS));
    }

    @Test
    void aFileCreatedLaterIsPickedUpAndAReplacingRenameToo() throws Exception {
        Path file = dir.resolve("later/config.yaml");
        watch(file, null);
        Files.createDirectories(file.getParent());
        Files.writeString(file, VALID);
        ConfigWatcher.Outcome first = next();
        assertInstanceOf(ConfigWatcher.Outcome.Loaded.class, first, first.toString());

        // Editors save by writing a new file and renaming it over the old one.
        Path temp = file.resolveSibling("config.yaml.swp");
        Files.writeString(temp, VALID.replace("name: sim", "name: sim2"));
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        var loaded = assertInstanceOf(ConfigWatcher.Outcome.Loaded.class, next());
        assertEquals("sim2", loaded.config().providers().getFirst().spec().name());
    }

    @Test
    void closeStopsTheThread() throws Exception {
        watch(dir.resolve("config.yaml"), null);
        watcher.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("fleetdeck-config-watch") && t.isAlive()));
        watcher = null;
    }
}
