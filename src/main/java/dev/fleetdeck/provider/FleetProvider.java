package dev.fleetdeck.provider;

/**
 * A source of fleet data: one configured instance of a provider type (a simulated fleet, a Prometheus server,
 * a set of nvidia-smi hosts, a GPU cloud account).
 *
 * <p>Threads: {@link #poll()} is called on a polling thread owned by the polling service, never on the JavaFX
 * thread, and never twice at once for one instance; it may be interrupted when it exceeds its timeout and must
 * then return promptly. {@link #close()} is called once, on the thread that stops the service, after the last
 * poll has returned or been abandoned.
 */
public interface FleetProvider extends AutoCloseable {

    /** The configured name of this instance; it names the source in every message. */
    String name();

    /** The provider type, as written in configuration (e.g. {@code simulated}). */
    String type();

    /**
     * Reads the provider's current view of its part of the fleet.
     *
     * @return what the provider knows now; fields it does not know are absent, never zero
     * @throws ProviderException    when it cannot answer; the message names the source and never holds a secret
     * @throws InterruptedException when the polling thread is interrupted (timeout or shutdown)
     */
    ProviderSnapshot poll() throws ProviderException, InterruptedException;

    /**
     * Things about this source an operator should know even while it works, e.g. "TLS verification is off".
     * Called on the polling service's threads; must be cheap. The default has none.
     */
    default java.util.List<String> notices() {
        return java.util.List.of();
    }

    /**
     * Names of other configured sources whose per-GPU metrics belong on this source's nodes, joined by node name
     * (a Kubernetes source knows allocation and tenants, a Prometheus/DCGM source knows temperatures and
     * utilisation). The default joins nothing.
     */
    default java.util.List<String> metricsFrom() {
        return java.util.List.of();
    }

    /**
     * The recent past of this source summed over its GPUs, on the grid {@code from, from + step, …, to}, for
     * backfilling trends at start; empty when the source keeps no history (the default). Called once, on a
     * background thread, possibly while {@link #poll()} runs: implementations must not share mutable state with it.
     */
    default java.util.Optional<AggregateHistory> aggregateHistory(java.time.Instant from, java.time.Instant to,
                                                                  java.time.Duration step)
            throws ProviderException, InterruptedException {
        return java.util.Optional.empty();
    }

    /**
     * How much one answer of this source may claim; the polling service refuses an answer over them. Called on the
     * polling service's threads. The default is {@link SourceLimits#DEFAULT}.
     */
    default SourceLimits limits() {
        return SourceLimits.DEFAULT;
    }

    /**
     * Whether every text of this provider's answers is made by FleetDeck itself (the simulator), so that the polling
     * service need not escape and scrub it. Called on the polling service's threads. The default is false: a
     * provider that reads anything from outside must never say true.
     */
    default boolean producesOwnText() {
        return false;
    }

    /** Releases what the provider holds (connections, processes). The default holds nothing. */
    @Override
    default void close() {
    }
}
