package dev.fleetdeck.provider;

import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.model.SafeText;
import dev.fleetdeck.provider.input.BoundedFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A secret (API token, password) named by a reference: {@code env:NAME} reads an environment variable,
 * {@code file:PATH} the first line of a file ({@code ~} is the home directory). The value is read when needed, so a
 * rotated token file is picked up without a restart, and is never part of {@link #toString()}, a log line, an
 * exception message or an export: only the reference is.
 */
public final class Secret {
    /** Secret files larger than this are refused. */
    static final long MAX_FILE_BYTES = 64 * 1024;

    private final String reference;
    private final UnaryOperator<String> environment;

    private Secret(String reference, UnaryOperator<String> environment) {
        this.reference = reference;
        this.environment = environment;
    }

    /** Parses a reference against the process environment; empty when it is not {@code env:…} or {@code file:…}. */
    public static Optional<Secret> parse(String reference) {
        return parse(reference, System::getenv);
    }

    /** Parses a reference against the given environment (tests). */
    public static Optional<Secret> parse(String reference, UnaryOperator<String> environment) {
        String ref = reference.strip();
        if ((ref.startsWith("env:") && ref.length() > 4 && ref.substring(4).matches("[A-Za-z_][A-Za-z0-9_]*"))
                || (ref.startsWith("file:") && ref.length() > 5)) {
            return Optional.of(new Secret(ref, environment));
        }
        return Optional.empty();
    }

    /** The reference, e.g. {@code env:LAMBDA_API_KEY}; safe to show. */
    public String reference() {
        return reference;
    }

    /** Why the secret cannot be read now, or empty when it can. */
    public Optional<String> problem() {
        try {
            reveal();
            return Optional.empty();
        } catch (ProviderException e) {
            return Optional.of(e.getMessage().substring(e.source().length() + 2));
        }
    }

    /**
     * The secret's value, for an authorization header and nothing else.
     *
     * @throws ProviderException of kind CONFIG when the variable is unset or the file unreadable
     */
    public String reveal() throws ProviderException {
        String value;
        if (reference.startsWith("env:")) {
            value = environment.apply(reference.substring(4));
            if (value == null || value.isBlank()) {
                throw problem("environment variable " + reference.substring(4) + " is not set");
            }
        } else {
            value = readFile(Path.of(expandHome(reference.substring(5))));
        }
        String secret = value.strip();
        checkCharacters(secret);
        Redaction.register(secret);
        return secret;
    }

    /**
     * A secret goes into an HTTP header: a newline or another control character in it would end the header (or the
     * request) early, and an error about it would print part of the value. Refused here, naming only the reference.
     */
    private void checkCharacters(String secret) throws ProviderException {
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                throw problem("the value contains a " + (c == '\n' || c == '\r' ? "line break" : "control character")
                        + " at position " + (i + 1) + " of " + secret.length() + "; a secret must be one line of "
                        + "printable characters (the value is not shown)");
            }
        }
    }

    private String readFile(Path file) throws ProviderException {
        byte[] bytes;
        try {
            bytes = BoundedFile.read(file, MAX_FILE_BYTES, "secret file");
        } catch (BoundedFile.Refused e) {
            throw problem(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw problem("reading secret file " + SafeText.of(file.toString()) + " was interrupted");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // The first line is the secret; a trailing CR (a file saved on Windows) is not part of it.
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        if (first.endsWith("\r")) {
            first = first.substring(0, first.length() - 1);
        }
        if (first.isBlank()) {
            throw problem("secret file " + SafeText.of(file.toString()) + " is empty");
        }
        return first;
    }

    private ProviderException problem(String message) {
        return new ProviderException(ProviderException.Kind.CONFIG, "secret " + reference, message);
    }

    private static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    @Override
    public String toString() {
        return "Secret[" + reference + "]";
    }
}
