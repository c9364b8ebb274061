package dev.fleetdeck.provider.prom;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One place to read a dcgm-exporter exposition from: an HTTP(S) URL, or a file holding a saved scrape.
 *
 * @param name   how it is named in messages (URL without query, or {@code file:PATH})
 * @param uri    the URL, when it is one
 * @param file   the file, when it is one
 * @param labels labels from the target list (file_sd), used when a series lacks them (e.g. region)
 */
public record ScrapeTarget(String name, Optional<URI> uri, Optional<Path> file, Map<String, String> labels) {
    public ScrapeTarget {
        labels = Map.copyOf(labels);
    }

    /** The host the target is on: the default node name for series that carry none. */
    public String host() {
        return uri.map(URI::getHost).orElseGet(() -> file.map(f -> f.getFileName().toString()).orElse(name));
    }
}
