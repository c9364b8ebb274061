package dev.fleetdeck.provider;

/**
 * Creates providers of one type from their configuration. Implementations are found with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/dev.fleetdeck.provider.ProviderFactory}) and
 * must have a public no-argument constructor.
 *
 * <p>Threads: called on the thread that loads the configuration (the CLI's main thread, or a background thread
 * of the UI), never on the JavaFX thread.
 */
public interface ProviderFactory {

    /** The type name used in configuration, e.g. {@code simulated}. Lower-case, unique. */
    String type();

    /** One line for {@code check-config} and the docs. */
    String description();

    /**
     * Creates a provider, reading its options through {@link ProviderSpec#options()}. Option errors are
     * recorded there; when any were recorded the returned provider is discarded. Must not do I/O: a provider
     * connects on its first poll.
     */
    FleetProvider create(ProviderSpec spec);
}
