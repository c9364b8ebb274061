package dev.fleetdeck.config;

import dev.fleetdeck.model.ServiceSettings;
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
 * alerts:
 *   send-to:
 *     alertmanager: ["http://127.0.0.1:9093"]   # every one of them (an HA pair); env:NAME reads a variable
 *     resend-every: 1m
 * </pre>
 */
final class ServiceOptions {
    private ServiceOptions() {
    }

    static ServiceSettings read(ProviderOptions service, ProviderOptions sendTo) {
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
        List<URI> alertmanagers = new ArrayList<>();
        List<String> urls = sendTo.getStringList("alertmanager", List.of());
        for (String text : urls) {
            String value = text.startsWith("env:") ? System.getenv(text.substring(4)) : text;
            if (value == null || value.isBlank()) {
                sendTo.error("alertmanager", "the environment variable " + text.substring(4) + " is not set");
                continue;
            }
            try {
                URI u = new URI(value.strip());
                if (u.getRawUserInfo() != null) {
                    sendTo.error("alertmanager", "must not carry a user or password in the URL");
                } else if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                    sendTo.error("alertmanager", "must be an http:// or https:// URL with a host, not '"
                            + (text.startsWith("env:") ? text : value) + "'");
                } else {
                    alertmanagers.add(u);
                }
            } catch (URISyntaxException e) {
                sendTo.error("alertmanager", "is not a URL (" + e.getReason() + ")"); // the text may hold a secret
            }
        }
        Duration resend = sendTo.getDuration("resend-every", d.resendEvery());
        if (resend.compareTo(Duration.ofSeconds(5)) < 0 || resend.compareTo(Duration.ofMinutes(30)) > 0) {
            sendTo.error("resend-every", "must be 5s to 30m");
            resend = d.resendEvery();
        }
        return new ServiceSettings(host, port, alertmanagers, resend, tenants);
    }
}
