package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.Offer;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;
import dev.fleetdeck.provider.SourceLimits;
import dev.fleetdeck.provider.http.HttpBody;
import dev.fleetdeck.provider.http.HttpFetcher;
import dev.fleetdeck.provider.http.RequestPacer;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cloud adapters share: one {@link HttpFetcher} (timeouts, size limits, auth, 429 → RATE_LIMITED for the
 * polling layer's backoff), a {@link RequestPacer} for APIs with a request rate limit, JSON reading, and the
 * snapshot with its item problems (capped, so one broken API cannot flood the status line).
 */
abstract class CloudProvider implements FleetProvider {
    /** Item problems kept per poll; the rest are counted. */
    static final int MAX_PROBLEMS = 20;

    protected final String name;
    protected final HttpFetcher http;
    protected final Clock clock;
    private final RequestPacer pacer;

    CloudProvider(String name, HttpFetcher http, RequestPacer pacer, Clock clock) {
        this.name = name;
        this.http = http;
        this.pacer = pacer;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    /** One poll's reading of the API; {@link #poll()} redacts what it returns and throws. */
    protected abstract ProviderSnapshot read() throws ProviderException, InterruptedException;

    /**
     * Reads the API, then removes this provider's credentials from every message built from the answers (item
     * problems, GraphQL errors, error pages): a server that echoes a key back never gets it into logs or exports.
     */
    @Override
    public final ProviderSnapshot poll() throws ProviderException, InterruptedException {
        ProviderSnapshot snap;
        try {
            snap = read();
            http.limits().check(snap);
        } catch (SourceLimits.Exceeded e) {
            throw new ProviderException(ProviderException.Kind.BAD_DATA, name, http.redact(e.getMessage())
                    + ": the answer is refused whole, nothing from it is shown");
        } catch (ProviderException e) {
            String message = e.getMessage();
            String clean = http.redact(message);
            if (clean.equals(message)) {
                throw e;
            }
            String prefix = e.source() + ": ";
            throw new ProviderException(e.kind(), e.source(), clean.startsWith(prefix)
                    ? clean.substring(prefix.length()) : clean, e.retryAfter().orElse(null), null);
        }
        List<String> warnings = snap.warnings().stream().map(http::redact).toList();
        return warnings.equals(snap.warnings()) ? snap
                : new ProviderSnapshot(snap.provider(), snap.takenAt(), snap.nodes(), warnings, snap.offers());
    }

    /** The node for an instance, its GPU count checked against this source's limits first. */
    protected final Node node(CloudNodes.Instance instance) {
        return CloudNodes.node(name, http.limits(), instance);
    }

    @Override
    public SourceLimits limits() {
        return http.limits();
    }

    @Override
    public List<String> notices() {
        return http.notices();
    }

    /** {@code GET}, paced; the body is kept for error messages. */
    protected final HttpBody get(URI uri) throws ProviderException, InterruptedException {
        pace();
        return http.redact(http.get(uri, HttpFetcher.Expect.JSON));
    }

    /** {@code POST} a JSON body, paced. */
    protected final HttpBody postJson(URI uri, String json) throws ProviderException, InterruptedException {
        pace();
        return http.redact(http.post(uri, "application/json", json.getBytes(StandardCharsets.UTF_8),
                HttpFetcher.Expect.JSON));
    }

    private void pace() throws InterruptedException {
        if (pacer != null) {
            pacer.acquire();
        }
    }

    /** The poll's answer; problems make the provider DEGRADED. */
    protected final ProviderSnapshot snapshot(List<Node> nodes, List<Offer> offers, List<String> problems) {
        List<String> warnings = new ArrayList<>(problems.subList(0, Math.min(MAX_PROBLEMS, problems.size())));
        if (problems.size() > MAX_PROBLEMS) {
            warnings.add(name + ": " + (problems.size() - MAX_PROBLEMS) + " more item problems");
        }
        return new ProviderSnapshot(name, clock.instant(), nodes, warnings, offers);
    }

    @Override
    public void close() {
        http.close();
    }
}
