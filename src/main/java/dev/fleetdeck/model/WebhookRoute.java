package dev.fleetdeck.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One webhook alerts are posted to.
 *
 * @param url         the URL, or a secret reference to it ({@code env:NAME}, {@code file:PATH}): incoming-webhook
 *                    URLs carry their token, so they are never logged or shown, only their host
 * @param format      Slack-compatible {@code {"text": …}} or a JSON body from a template
 * @param minSeverity the least severity sent (WARN: everything; CRIT: critical only)
 * @param template    for JSON: the template file ({@code ~} is the home directory); empty: FleetDeck's own JSON
 * @param match       only alerts whose labels have these values (e.g. {@code region: us-east-1}); empty: all
 */
public record WebhookRoute(String url, Format format, Health minSeverity, Optional<String> template,
                           Map<String, String> match) {
    /** The body a webhook gets. */
    public enum Format { SLACK, JSON }

    public WebhookRoute {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(minSeverity, "minSeverity");
        Objects.requireNonNull(template, "template");
        match = Map.copyOf(match);
    }
}
