package dev.fleetdeck.config;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.ServiceSettings;
import dev.fleetdeck.model.WebhookRoute;
import dev.fleetdeck.provider.ProviderOptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code service:} section and {@code alerts.send-to}:
 * <pre>
 * service:
 *   listen: 127.0.0.1:9401       # /metrics, /healthz, /readyz, /api/v1/frame ([::1]:9401 for IPv6)
 *   tenant-metrics: false        # name tenants in /metrics (customer data)
 *   desktop-endpoint: false      # the desktop app serves the same endpoint (opt-in)
 * alerts:
 *   send-to:
 *     alertmanager: ["http://127.0.0.1:9093"]   # every one of them (an HA pair); env:NAME reads a variable
 *     resend-every: 1m
 *     webhooks:
 *       - {url: "env:SLACK_WEBHOOK_URL", format: slack, min-severity: crit}
 *       - {url: "https://hooks.example.com/gpu", format: json, template: "file:~/hook.json", match: {region: x}}
 *     webhook-every: 30s         # at most one message per webhook this often; the rest is grouped
 * </pre>
 */
final class ServiceOptions {
    private ServiceOptions() {
    }

    static ServiceSettings read(ProviderOptions service, ProviderOptions sendTo, ProviderOptions receiveFrom) {
        ServiceSettings d = ServiceSettings.defaults();
        String host = d.host();
        int port = d.port();
        String listen = service.findString("listen").orElse(null);
        if (listen != null) {
            int colon = listen.lastIndexOf(':');
            String h = colon < 0 ? "" : listen.substring(0, colon);
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            int p = -1;
            try {
                p = colon < 0 ? -1 : Integer.parseInt(listen.substring(colon + 1));
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (h.isBlank() || p < 0 || p > 65_535) {
                service.error("listen", "must be HOST:PORT (127.0.0.1:9401, [::1]:9401, 0.0.0.0:9401), not '"
                        + listen + "'");
            } else {
                host = h;
                port = p;
            }
        }
        boolean tenants = service.getBoolean("tenant-metrics", false);
        boolean desktop = service.getBoolean("desktop-endpoint", false);
        List<URI> alertmanagers = new ArrayList<>();
        alertmanagers.addAll(urls(sendTo, "alertmanager"));
        Duration resend = sendTo.getDuration("resend-every", d.resendEvery());
        if (resend.compareTo(Duration.ofSeconds(5)) < 0 || resend.compareTo(Duration.ofMinutes(30)) > 0) {
            sendTo.error("resend-every", "must be 5s to 30m");
            resend = d.resendEvery();
        }
        List<WebhookRoute> webhooks = new ArrayList<>();
        for (ProviderOptions w : sendTo.sectionList("webhooks")) {
            webhook(w).ifPresent(webhooks::add);
        }
        Duration every = sendTo.getDuration("webhook-every", d.webhookEvery());
        if (every.compareTo(Duration.ofSeconds(1)) < 0 || every.compareTo(Duration.ofHours(1)) > 0) {
            sendTo.error("webhook-every", "must be 1s to 1h");
            every = d.webhookEvery();
        }
        return new ServiceSettings(host, port, alertmanagers, resend, tenants, webhooks, every,
                urls(receiveFrom, "prometheus"), urls(receiveFrom, "alertmanager"), desktop);
    }

    /** A list of http(s) URLs (or env:NAME references to one); a URL with a user or password is refused unechoed. */
    private static List<URI> urls(ProviderOptions o, String key) {
        List<URI> out = new ArrayList<>();
        for (String text : o.getStringList(key, List.of())) {
            String value = text.startsWith("env:") ? System.getenv(text.substring(4)) : text;
            if (value == null || value.isBlank()) {
                o.error(key, "the environment variable " + text.substring(4) + " is not set");
                continue;
            }
            try {
                URI u = new URI(value.strip());
                if (u.getRawUserInfo() != null) {
                    o.error(key, "must not carry a user or password in the URL");
                } else if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                    o.error(key, "must be an http:// or https:// URL with a host, not '"
                            + (text.startsWith("env:") ? text : value) + "'");
                } else {
                    out.add(u);
                }
            } catch (URISyntaxException e) {
                o.error(key, "is not a URL (" + e.getReason() + ")"); // the text may hold a secret
            }
        }
        return out;
    }

    /** One {@code webhooks:} entry; its URL may be a secret reference and is never echoed in an error. */
    private static java.util.Optional<WebhookRoute> webhook(ProviderOptions w) {
        String url = w.findString("url").orElse(null);
        WebhookRoute.Format format = switch (w.getString("format", "json").toLowerCase(java.util.Locale.ROOT)) {
            case "slack" -> WebhookRoute.Format.SLACK;
            case "json" -> WebhookRoute.Format.JSON;
            default -> {
                w.error("format", "must be slack or json");
                yield WebhookRoute.Format.JSON;
            }
        };
        Health min = switch (w.getString("min-severity", "warn").toLowerCase(java.util.Locale.ROOT)) {
            case "warn", "warning" -> Health.WARN;
            case "crit", "critical" -> Health.CRIT;
            default -> {
                w.error("min-severity", "must be warn or crit");
                yield Health.WARN;
            }
        };
        java.util.Map<String, String> match = new java.util.LinkedHashMap<>();
        ProviderOptions m = w.section("match");
        for (String key : m.keys()) {
            match.put(key, m.getString(key, ""));
        }
        java.util.Optional<String> template = w.findString("template").map(t -> t.startsWith("file:")
                ? t.substring(5) : t).map(t -> t.startsWith("~/") ? System.getProperty("user.home") + t.substring(1)
                : t);
        template.ifPresent(t -> checkTemplate(w, t));
        if (template.isPresent() && format == WebhookRoute.Format.SLACK) {
            w.error("template", "only for format: json (Slack gets its own text)");
        }
        if (url == null) {
            w.error("url", "missing: the webhook's URL, or env:NAME / file:PATH holding it");
            return java.util.Optional.empty();
        }
        if (url.startsWith("env:") || url.startsWith("file:")) {
            java.util.Optional<dev.fleetdeck.provider.Secret> secret = dev.fleetdeck.provider.Secret.parse(url);
            if (secret.isEmpty()) {
                w.error("url", "is not a valid env:NAME or file:PATH reference");
                return java.util.Optional.empty();
            }
            secret.get().problem().ifPresent(p -> w.error("url", p));
        } else {
            try {
                URI u = new URI(url);
                if (u.getRawUserInfo() != null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
                        || u.getHost() == null) {
                    w.error("url", "must be an http:// or https:// URL with a host and no user or password"
                            + " (or env:NAME / file:PATH)");
                    return java.util.Optional.empty();
                }
            } catch (URISyntaxException e) {
                w.error("url", "is not a URL"); // the text is not echoed: it may hold the webhook's token
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(new WebhookRoute(url, format, min, template, match));
    }

    /** A template must be a small regular file that is JSON once its placeholders are filled in. */
    private static void checkTemplate(ProviderOptions w, String path) {
        java.nio.file.Path p = java.nio.file.Path.of(path);
        try {
            if (!java.nio.file.Files.isRegularFile(p)) {
                w.error("template", path + ": not a readable regular file");
                return;
            }
            if (java.nio.file.Files.size(p) > 64 * 1024) {
                w.error("template", path + ": larger than 64 KiB");
                return;
            }
            String text = java.nio.file.Files.readString(p);
            String sample = dev.fleetdeck.model.WebhookTemplate.render(text, java.util.Map.of("title", "t \"q\"",
                    "text", "line\nline", "severity", "critical"), 2, "[{\"alertname\":\"a\"}]");
            tools.jackson.databind.json.JsonMapper.builder().build().readTree(sample);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            w.error("template", path + ": cannot read: " + e.getMessage());
        } catch (tools.jackson.core.JacksonException e) {
            w.error("template", path + ": not JSON once its placeholders are filled in ("
                    + e.getOriginalMessage() + ")");
        }
    }
}
