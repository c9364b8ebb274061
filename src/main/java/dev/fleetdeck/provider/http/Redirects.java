package dev.fleetdeck.provider.http;

import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderException.Kind;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link HttpFetcher} follows a redirect itself (the JDK client's own following names no loop and would take
 * the Authorization header anywhere): at most {@link HttpFetcher#MAX_REDIRECTS} hops, a loop named with its hops,
 * never from HTTPS down to HTTP, credentials only to the same scheme, host and port, 303 (and 301/302 after a POST)
 * as a GET. Threads: any (pure).
 */
final class Redirects {
    private Redirects() {
    }

    /**
     * The request for the next hop of a redirect: a loop, too many hops or a step down from HTTPS to HTTP is an
     * error naming the hops; the Authorization header goes along only to the same scheme, host and port.
     */
    static HttpRequest next(String source, Duration readTimeout, HttpRequest original, HttpRequest current, URI next,
                            int status, List<URI> hops) throws ProviderException {
        String chain = String.join(" → ", hops.stream().map(HttpFetcher::describe).toList()) + " → "
                + HttpFetcher.describe(next);
        if (hops.stream().anyMatch(h -> sameResource(h, next))) {
            throw new ProviderException(Kind.CONFIG, source, "redirect loop after " + hops.size() + " hop"
                    + (hops.size() == 1 ? "" : "s") + ": " + chain + " (check the URL)");
        }
        if (hops.size() > HttpFetcher.MAX_REDIRECTS) {
            throw new ProviderException(Kind.CONFIG, source, "more than " + HttpFetcher.MAX_REDIRECTS + " redirects: " + chain
                    + " (check the URL)");
        }
        if ("https".equalsIgnoreCase(current.uri().getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
            throw new ProviderException(Kind.CONFIG, source, "refused a redirect from HTTPS to "
                    + HttpFetcher.describe(next) + ": credentials and data would travel unencrypted (HTTP " + status + ")");
        }
        if (!"http".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
            throw new ProviderException(Kind.CONFIG, source, HttpFetcher.describe(current.uri()) + " redirected to a "
                    + "non-HTTP location (HTTP " + status + ")");
        }
        hops.add(next);
        boolean sameOrigin = sameOrigin(original.uri(), next);
        boolean asGet = status == 303 || ((status == 301 || status == 302)
                && !"GET".equals(current.method()));
        HttpRequest.Builder b = HttpRequest.newBuilder(next).timeout(readTimeout);
        current.headers().map().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Authorization") && !sameOrigin) {
                return; // never hand our credentials to another host
            }
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Host")
                    || (asGet && name.equalsIgnoreCase("Content-Type"))) {
                return;
            }
            values.forEach(v -> b.header(name, v));
        });
        if (asGet) {
            b.GET();
        } else {
            b.method(current.method(), current.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
        }
        return b.build();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && String.valueOf(a.getHost()).equalsIgnoreCase(
                String.valueOf(b.getHost())) && port(a) == port(b);
    }

    private static boolean sameResource(URI a, URI b) {
        return sameOrigin(a, b) && Objects.equals(a.getRawPath() == null || a.getRawPath().isEmpty() ? "/"
                : a.getRawPath(), b.getRawPath() == null || b.getRawPath().isEmpty() ? "/" : b.getRawPath())
                && Objects.equals(a.getRawQuery(), b.getRawQuery());
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
