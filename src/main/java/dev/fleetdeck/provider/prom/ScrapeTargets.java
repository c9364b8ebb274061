package dev.fleetdeck.provider.prom;

import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.model.SafeText;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.http.HttpFetcher;
import dev.fleetdeck.provider.input.BoundedFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets of a dcgm provider: a static list ({@code http://host:9400/metrics}, {@code file:/path/scrape.txt})
 * and a Prometheus file_sd JSON file ({@code [{"targets": ["host:9400"], "labels": {"region": "r1"}}]}), re-read
 * whenever it changes. In file_sd, {@code __scheme__} and {@code __metrics_path__} set the URL; other labels that
 * start with {@code __} are dropped, as Prometheus does.
 *
 * <p>Threads: the polling thread only.
 */
public final class ScrapeTargets {
    static final long MAX_FILE_BYTES = 4L << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String source;
    private final List<ScrapeTarget> fixed;
    private final Optional<Path> sdFile;
    private final String scheme;
    private final String metricsPath;
    private FileTime lastModified;
    private List<ScrapeTarget> fromFile = List.of();

    public ScrapeTargets(String source, List<ScrapeTarget> fixed, Optional<Path> sdFile, String scheme,
                         String metricsPath) {
        this.source = source;
        this.fixed = List.copyOf(fixed);
        this.sdFile = sdFile;
        this.scheme = scheme;
        this.metricsPath = metricsPath;
    }

    /** Parses one entry of the static list; throws IllegalArgumentException saying what is wrong. */
    public static ScrapeTarget parse(String text) {
        String t = text.strip();
        if (t.startsWith("file:")) {
            Path p = Path.of(t.substring(5));
            return new ScrapeTarget("file:" + p, Optional.empty(), Optional.of(p), Map.of());
        }
        URI uri;
        try {
            uri = URI.create(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Redaction.quote(t) + " is not a URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(Redaction.quote(t) + " is not an http(s) URL or file: path");
        }
        return new ScrapeTarget(HttpFetcher.describe(uri), Optional.of(uri), Optional.empty(), Map.of());
    }

    /** The targets now. */
    public List<ScrapeTarget> current() throws ProviderException {
        if (sdFile.isEmpty()) {
            return fixed;
        }
        Path f = sdFile.get();
        try {
            FileTime modified = Files.getLastModifiedTime(f);
            if (!modified.equals(lastModified)) {
                fromFile = readSd(f, BoundedFile.read(f, MAX_FILE_BYTES, "target file"));
                lastModified = modified;
            }
        } catch (BoundedFile.Refused e) {
            throw config(e.getMessage());
        } catch (IOException e) {
            throw config("cannot read target file " + SafeText.of(f.toString()) + ": "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw config("reading target file " + SafeText.of(f.toString()) + " was interrupted");
        }
        List<ScrapeTarget> all = new ArrayList<>(fixed);
        all.addAll(fromFile);
        return all;
    }

    private List<ScrapeTarget> readSd(Path f, byte[] bytes) throws ProviderException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw config("target file " + f + " is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw config("target file " + f + " must be a JSON list of {\"targets\": [...], \"labels\": {...}}");
        }
        List<ScrapeTarget> out = new ArrayList<>();
        for (int g = 0; g < root.size(); g++) {
            JsonNode group = root.get(g);
            JsonNode targets = group.get("targets");
            if (targets == null || !targets.isArray()) {
                throw config(f + ": entry " + g + " has no \"targets\" list");
            }
            Map<String, String> labels = new HashMap<>();
            JsonNode l = group.get("labels");
            if (l != null && l.isObject()) {
                for (var e : l.properties()) {
                    labels.put(e.getKey(), e.getValue().asString(""));
                }
            }
            String sch = labels.getOrDefault("__scheme__", scheme);
            String path = labels.getOrDefault("__metrics_path__", metricsPath);
            labels.keySet().removeIf(k -> k.startsWith("__"));
            for (JsonNode t : targets) {
                String hostPort = t.asString("");
                try {
                    URI uri = URI.create(sch + "://" + hostPort + (path.startsWith("/") ? path : "/" + path));
                    if (uri.getHost() == null) {
                        throw new IllegalArgumentException();
                    }
                    out.add(new ScrapeTarget(HttpFetcher.describe(uri), Optional.of(uri), Optional.empty(), labels));
                } catch (IllegalArgumentException e) {
                    throw config(f + ": entry " + g + ": '" + hostPort + "' is not host:port");
                }
            }
        }
        return out;
    }

    private ProviderException config(String message) {
        return new ProviderException(ProviderException.Kind.CONFIG, source, message);
    }
}
