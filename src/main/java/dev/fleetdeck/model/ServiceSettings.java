package dev.fleetdeck.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The headless service ({@code fleetdeck serve}): where its HTTP endpoint listens and where alerts are sent.
 *
 * @param host          the address {@code /metrics}, {@code /healthz}, {@code /readyz} and {@code /api/v1/frame}
 *                      listen on (127.0.0.1 unless the configuration says otherwise)
 * @param port          its port
 * @param alertmanagers Alertmanagers (API v2) every firing and resolved alert is sent to; all of them (an HA pair)
 * @param resendEvery   how often firing alerts are sent again while they fire (Alertmanager expects a resend;
 *                      Prometheus' default is 1 min)
 * @param tenantMetrics whether {@code /metrics} names tenants (customer data, so off unless asked for)
 * @param webhooks      webhooks (Slack, JSON) new and resolved alerts are posted to
 * @param webhookEvery  at most one message per webhook this often; what comes in between is grouped into the next
 * @param prometheusAlerts   Prometheus servers whose alerts ({@code /api/v1/alerts}) show beside FleetDeck's
 * @param alertmanagerAlerts Alertmanagers whose alerts ({@code /api/v2/alerts}) show beside FleetDeck's
 * @param desktopEndpoint    whether the desktop app serves the endpoint too (opt-in: off by default)
 */
public record ServiceSettings(String host, int port, List<URI> alertmanagers, Duration resendEvery,
                              boolean tenantMetrics, List<WebhookRoute> webhooks, Duration webhookEvery,
                              List<URI> prometheusAlerts, List<URI> alertmanagerAlerts, boolean desktopEndpoint) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9401;
    public static final Duration DEFAULT_RESEND = Duration.ofMinutes(1);
    public static final Duration DEFAULT_WEBHOOK_EVERY = Duration.ofSeconds(30);

    public ServiceSettings {
        Objects.requireNonNull(host, "host");
        alertmanagers = List.copyOf(alertmanagers);
        Objects.requireNonNull(resendEvery, "resendEvery");
        webhooks = List.copyOf(webhooks);
        prometheusAlerts = List.copyOf(prometheusAlerts);
        alertmanagerAlerts = List.copyOf(alertmanagerAlerts);
        Objects.requireNonNull(webhookEvery, "webhookEvery");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, not " + port);
        }
    }

    public static ServiceSettings defaults() {
        return new ServiceSettings(DEFAULT_HOST, DEFAULT_PORT, List.of(), DEFAULT_RESEND, false, List.of(),
                DEFAULT_WEBHOOK_EVERY, List.of(), List.of(), false);
    }

    public ServiceSettings withListen(String nextHost, int nextPort) {
        return new ServiceSettings(nextHost, nextPort, alertmanagers, resendEvery, tenantMetrics, webhooks,
                webhookEvery, prometheusAlerts, alertmanagerAlerts, desktopEndpoint);
    }

    public ServiceSettings withAlertmanagers(List<URI> next) {
        return new ServiceSettings(host, port, next, resendEvery, tenantMetrics, webhooks, webhookEvery,
                prometheusAlerts, alertmanagerAlerts, desktopEndpoint);
    }

    public ServiceSettings withResendEvery(Duration next) {
        return new ServiceSettings(host, port, alertmanagers, next, tenantMetrics, webhooks, webhookEvery,
                prometheusAlerts, alertmanagerAlerts, desktopEndpoint);
    }
}
