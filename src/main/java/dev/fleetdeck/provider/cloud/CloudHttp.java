package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.ProviderSpec;
import dev.fleetdeck.provider.Secret;
import dev.fleetdeck.provider.http.HttpAuth;
import dev.fleetdeck.provider.http.HttpSettings;

import java.net.URI;
import java.util.Optional;

/**
 * The options every cloud adapter shares: the API root ({@code url}, defaulting to the cloud's public API) and the
 * key ({@code api-key: env:NAME} or {@code file:PATH}, sent as a bearer token), plus the shared {@code http} and
 * {@code auth} sections.
 */
public final class CloudHttp {
    private CloudHttp() {
    }

    /** The API root from {@code url}, or {@code dflt}; must be http(s) without a query (keys never go in URLs). */
    public static URI baseUrl(ProviderOptions o, String dflt) {
        String text = o.getString("url", dflt).strip();
        try {
            URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            o.error("url", Redaction.quote(text) + " is not an http(s) URL without query or user info");
            return URI.create(dflt);
        }
    }

    /**
     * HTTP settings with the {@code api-key} as a bearer token. {@code required}: a cloud API that needs a key
     * reports a missing one as a configuration error.
     */
    public static HttpSettings settings(ProviderSpec spec, boolean required) {
        HttpSettings base = HttpSettings.from(spec);
        Optional<Secret> key = spec.options().findSecret("api-key");
        if (key.isPresent()) {
            if (!(base.auth() instanceof HttpAuth.None)) {
                spec.options().error("api-key", "give either api-key or an auth section, not both");
            }
            return base.withAuth(new HttpAuth.Bearer(key.get()));
        }
        if (required && base.auth() instanceof HttpAuth.None) {
            spec.options().error("api-key", "missing: the API needs a key, e.g. api-key: env:"
                    + spec.type().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_API_KEY");
        }
        return base;
    }
}
