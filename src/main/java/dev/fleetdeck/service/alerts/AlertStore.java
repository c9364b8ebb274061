package dev.fleetdeck.service.alerts;

import dev.fleetdeck.model.AlertScope;
import dev.fleetdeck.model.Health;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alert history as JSON lines, one line per transition (firing, acked, silenced, resolved), in the user's data
 * directory ({@code $XDG_DATA_HOME/fleetdeck/alerts.jsonl}, else {@code ~/.local/share/fleetdeck/alerts.jsonl}).
 * Bounded: past {@code maxBytes} the file becomes {@code alerts.jsonl.1} (replacing the previous one) and a new one
 * starts. Loading replays both files; a line that is not a valid record (a crash mid-write, an edit) is skipped with a
 * warning naming the file and line, never fatal; lines over 64 KiB are skipped the same way.
 *
 * <p>Threads: called by the {@link AlertEngine} under its lock.
 */
public final class AlertStore {
    private static final System.Logger LOG = System.getLogger(AlertStore.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_LINE = 64 * 1024;

    private final Path file;
    private final long maxBytes;
    private int skipped;

    public AlertStore(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    /** The default location: {@code $XDG_DATA_HOME/fleetdeck/alerts.jsonl} or {@code ~/.local/share/…}. */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("fleetdeck").resolve("alerts.jsonl");
    }

    /** What the files hold: alerts still open when FleetDeck stopped, and resolved ones (newest first). */
    public record Loaded(List<Alert> open, List<Alert> past, int skippedLines) {
    }

    /** Replays the rotated file, then the current one. */
    public Loaded load() {
        Map<String, Alert> open = new LinkedHashMap<>();
        List<Alert> past = new ArrayList<>();
        skipped = 0;
        for (Path p : List.of(rotated(), file)) {
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try (BufferedReader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        if (line.length() > MAX_LINE) {
                            throw new IllegalArgumentException("line longer than " + MAX_LINE + " characters");
                        }
                        JsonNode node = JSON.readTree(line);
                        String event = text(node, "event");
                        Alert a = fromJson(node);
                        if (event.equals("resolved")) {
                            open.remove(a.key());
                            past.addFirst(a);
                        } else {
                            open.put(a.key(), a);
                        }
                    } catch (RuntimeException e) { // JacksonException, bad enum, bad time, missing field
                        skipped++;
                        LOG.log(System.Logger.Level.WARNING, "{0}:{1}: skipped a line that is not an alert record: {2}",
                                p, n, e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst()
                                        .orElse(""));
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot read alert history {0}: {1}", p, e.getMessage());
            }
        }
        return new Loaded(List.copyOf(open.values()), past, skipped);
    }

    /** Appends one transition; rotates first when the file is over its size. Failures are logged, not thrown. */
    void append(String event, Alert a) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
                Files.move(file, rotated(), StandardCopyOption.REPLACE_EXISTING);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                out.write(toJson(event, a));
                out.write('\n');
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write alert history {0}: {1}", file, e.getMessage());
        }
    }

    private Path rotated() {
        return file.resolveSibling(file.getFileName() + ".1");
    }

    static String toJson(String event, Alert a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("event", event);
        o.put("key", a.key());
        o.put("rule", a.rule());
        o.put("severity", a.severity().label());
        o.put("scope", a.scope().key());
        o.put("group", a.group());
        o.put("summary", a.summary());
        o.put("value", a.value());
        o.put("state", a.state().name().toLowerCase(java.util.Locale.ROOT));
        o.put("pendingSince", a.pendingSince().toString());
        a.firedAt().ifPresent(t -> o.put("firedAt", t.toString()));
        a.resolvedAt().ifPresent(t -> o.put("resolvedAt", t.toString()));
        a.ackedAt().ifPresent(t -> o.put("ackedAt", t.toString()));
        a.silencedUntil().ifPresent(t -> o.put("silencedUntil", t.toString()));
        return JSON.writeValueAsString(o);
    }

    static Alert fromJson(JsonNode n) {
        return new Alert(text(n, "key"), text(n, "rule"),
                Health.valueOf(text(n, "severity").toUpperCase(java.util.Locale.ROOT)),
                AlertScope.valueOf(text(n, "scope").toUpperCase(java.util.Locale.ROOT)), text(n, "group"),
                text(n, "summary"), text(n, "value"),
                Alert.State.valueOf(text(n, "state").toUpperCase(java.util.Locale.ROOT)),
                Instant.parse(text(n, "pendingSince")), time(n, "firedAt"), time(n, "resolvedAt"), time(n, "ackedAt"),
                time(n, "silencedUntil"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException("missing text field '" + field + "'");
        }
        return v.asString();
    }

    private static Optional<Instant> time(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(Instant.parse(v.asString()));
    }

    public Path file() {
        return file;
    }
}
