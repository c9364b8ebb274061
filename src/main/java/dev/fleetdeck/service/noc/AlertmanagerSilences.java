package dev.fleetdeck.service.noc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Alertmanager's silences through its API v2: create one for a FleetDeck alert ({@code POST /api/v2/silences}) and
 * read the active ones ({@code GET /api/v2/silences}) to see which FleetDeck alerts someone silenced there. Bodies
 * are bounded ({@link #MAX_BYTES}); a malformed one is an error naming the Alertmanager. The caller's thread.
 */
final class AlertmanagerSilences {
    /** The largest silences list read. */
    static final int MAX_BYTES = 4 << 20;
    /** Comments of silences FleetDeck made start so; they are not reported back as someone else's. */
    static final String COMMENT_PREFIX = "FleetDeck: ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One matcher of a silence, as Alertmanager evaluates it. */
    record Matcher(String name, String value, boolean regex, boolean equal) {
        boolean matches(Map<String, String> labels) {
            String v = labels.getOrDefault(name, "");
            boolean hit;
            if (regex) {
                try {
                    hit = Pattern.compile("^(?:" + value + ")$").matcher(v).matches(); // anchored, as Alertmanager
                } catch (PatternSyntaxException e) {
                    hit = false;
                }
            } else {
                hit = v.equals(value);
            }
            return hit == equal;
        }
    }

    /** An active silence: who made it, until when, why, and what it matches. */
    record Silence(String id, List<Matcher> matchers, Instant endsAt, String createdBy, String comment) {
        boolean matches(Map<String, String> labels) {
            return !matchers.isEmpty() && matchers.stream().allMatch(m -> m.matches(labels));
        }

        boolean madeByFleetDeck() {
            return comment.startsWith(COMMENT_PREFIX);
        }
    }

    private AlertmanagerSilences() {
    }

    /** Creates a silence matching exactly {@code labels}; returns its id. */
    static String create(HttpClient http, URI base, Map<String, String> labels, Instant from, Instant until,
                         String createdBy, String comment) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode matchers = body.putArray("matchers");
        labels.forEach((k, v) -> {
            ObjectNode m = matchers.addObject();
            m.put("name", k);
            m.put("value", v);
            m.put("isRegex", false);
            m.put("isEqual", true);
        });
        body.put("startsAt", from.toString());
        body.put("endsAt", until.toString());
        body.put("createdBy", createdBy);
        body.put("comment", COMMENT_PREFIX + comment);
        HttpRequest req = HttpRequest.newBuilder(resolve(base, "/api/v2/silences")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        String text = read(resp, 64 * 1024, base);
        if (resp.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + resp.statusCode() + " creating a silence: " + firstLine(text));
        }
        try {
            return JSON.readTree(text).path("silenceID").asString("");
        } catch (tools.jackson.core.JacksonException e) {
            throw new IOException(base.getAuthority() + ": the silence answer is not JSON");
        }
    }

    /** The silences active now. */
    static List<Silence> active(HttpClient http, URI base) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(resolve(base, "/api/v2/silences")).timeout(Duration.ofSeconds(10))
                .GET().build();
        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        String text = read(resp, MAX_BYTES, base);
        if (resp.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + resp.statusCode() + " listing silences");
        }
        List<Silence> out = new ArrayList<>();
        try {
            JsonNode all = JSON.readTree(text);
            if (!all.isArray()) {
                throw new IOException(base.getAuthority() + ": the silences answer is not a list");
            }
            for (JsonNode s : all) {
                if (!"active".equals(s.path("status").path("state").asString())) {
                    continue;
                }
                List<Matcher> matchers = new ArrayList<>();
                for (JsonNode m : s.path("matchers")) {
                    matchers.add(new Matcher(m.path("name").asString(""), m.path("value").asString(""),
                            m.path("isRegex").asBoolean(false), m.path("isEqual").asBoolean(true)));
                }
                Instant ends;
                try {
                    ends = Instant.parse(s.path("endsAt").asString(""));
                } catch (java.time.format.DateTimeParseException e) {
                    continue; // a silence without a readable end is not trusted
                }
                out.add(new Silence(s.path("id").asString(""), matchers, ends, s.path("createdBy").asString(""),
                        s.path("comment").asString("")));
            }
        } catch (tools.jackson.core.JacksonException e) {
            throw new IOException(base.getAuthority() + ": the silences answer is not JSON");
        }
        return out;
    }

    private static String read(HttpResponse<InputStream> resp, int max, URI base) throws IOException {
        try (InputStream in = resp.body()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new IOException(base.getAuthority() + ": answer larger than " + (max >> 10) + " KiB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static URI resolve(URI base, String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
