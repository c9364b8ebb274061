package dev.fleetdeck.provider.http;

import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.Secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How requests authenticate: nothing, a bearer token, or HTTP basic. Secrets are read from their reference at
 * request time and go into the {@code Authorization} header only.
 */
public sealed interface HttpAuth {

    /** The {@code Authorization} header value, or empty for none. */
    Optional<String> header() throws ProviderException;

    /** No authentication. */
    record None() implements HttpAuth {
        @Override
        public Optional<String> header() {
            return Optional.empty();
        }
    }

    /** {@code Authorization: Bearer <token>}. */
    record Bearer(Secret token) implements HttpAuth {
        @Override
        public Optional<String> header() throws ProviderException {
            return Optional.of("Bearer " + token.reveal());
        }
    }

    /** {@code Authorization: Basic base64(user:password)}. */
    record Basic(String username, Secret password) implements HttpAuth {
        @Override
        public Optional<String> header() throws ProviderException {
            String secret = password.reveal();
            Redaction.registerPair(username, secret);
            String pair = username + ":" + secret;
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * Reads an {@code auth} section: {@code type: none|bearer|basic}, {@code token} for bearer, {@code username}
     * and {@code password} for basic; secrets as {@code env:NAME} or {@code file:PATH}. Errors go to the options.
     */
    static HttpAuth from(ProviderOptions auth) {
        String type = auth.getString("type", "none");
        switch (type) {
            case "none" -> {
                return new None();
            }
            case "bearer" -> {
                Optional<Secret> token = auth.findSecret("token");
                if (token.isEmpty()) {
                    auth.error("token", "missing: bearer auth needs token: env:NAME or file:PATH");
                    return new None();
                }
                return new Bearer(token.get());
            }
            case "basic" -> {
                Optional<String> user = auth.findString("username");
                Optional<Secret> password = auth.findSecret("password");
                if (user.isEmpty() || password.isEmpty()) {
                    auth.error(user.isEmpty() ? "username" : "password",
                            "missing: basic auth needs username and password (password: env:NAME or file:PATH)");
                    return new None();
                }
                return new Basic(user.get(), password.get());
            }
            default -> {
                auth.error("type", "unknown auth type " + Redaction.quote(type) + "; known: none, bearer, basic");
                return new None();
            }
        }
    }
}
