package dev.fleetdeck.provider;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The options of one provider's configuration section, read by its factory. A getter that finds a value of the
 * wrong type or out of range records an error that names the file, line, column and key path, and returns the
 * default so that validation can go on and report every error at once.
 *
 * <p>Keys a factory never asks for are reported as unknown after {@link ProviderFactory#create} returns.
 */
public interface ProviderOptions {

    /** An integer in {@code [min, max]}, or {@code dflt} when the key is absent. */
    int getInt(String key, int dflt, int min, int max);

    /** A number in {@code [min, max]}, or {@code dflt} when the key is absent. */
    double getDouble(String key, double dflt, double min, double max);

    /** A string, or {@code dflt} when the key is absent. */
    String getString(String key, String dflt);

    /** A string, or empty when the key is absent. */
    Optional<String> findString(String key);

    /** A duration such as {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}, or {@code dflt} when absent. */
    Duration getDuration(String key, Duration dflt);

    /** {@code true} or {@code false}, or {@code dflt} when the key is absent. */
    boolean getBoolean(String key, boolean dflt);

    /** A size in bytes such as {@code 512KiB}, {@code 32MiB}, {@code 1GiB} or a plain number of bytes. */
    long getByteSize(String key, long dflt, long min, long max);

    /**
     * A reference to a secret, written {@code env:NAME} or {@code file:PATH}; the secret itself never sits in the
     * configuration file. A reference that cannot be resolved now is reported as an error.
     */
    Optional<Secret> findSecret(String key);

    /** A list of strings, or {@code dflt} when absent. */
    List<String> getStringList(String key, List<String> dflt);

    /** A nested section, which is empty when absent. */
    ProviderOptions section(String key);

    /** A list of sections (e.g. a list of hosts with their labels). */
    List<ProviderOptions> sectionList(String key);

    /** Keys present in this section, in file order (e.g. to read a map of model → weight). */
    List<String> keys();

    /** Records an error about {@code key} in this section (e.g. a value that conflicts with another). */
    void error(String key, String message);
}
