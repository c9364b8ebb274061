package dev.fleetdeck.service.polling;

import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.ProviderSnapshot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * "Test connection": one poll of one provider, bounded by its timeout, described in a sentence. Blocks the calling
 * thread (never the JavaFX thread); the poll itself runs on its own virtual thread, interrupted on timeout.
 */
public final class ConnectionCheck {
    private ConnectionCheck() {
    }

    /**
     * What one poll gave.
     *
     * @param ok       whether the provider answered with data
     * @param summary  one line, e.g. "Connected in 312 ms: 6 nodes, 48 GPUs"
     * @param warnings what the provider noted about partial data
     */
    public record Result(boolean ok, String summary, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** Polls once, waiting at most {@code timeout}. */
    public static Result poll(FleetProvider provider, Duration timeout) throws InterruptedException {
        CompletableFuture<ProviderSnapshot> result = new CompletableFuture<>();
        long t0 = System.nanoTime();
        Thread poller = Thread.ofVirtual().name("fleetdeck-test-" + provider.name()).start(() -> {
            try {
                result.complete(provider.poll());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            ProviderSnapshot snap = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            int gpus = snap.nodes().stream().mapToInt(n -> n.gpus().size()).sum();
            long down = snap.nodes().stream().filter(n -> n.state() == NodeState.DOWN).count();
            return new Result(true, "Connected in " + ms + " ms: " + snap.nodes().size() + " nodes, " + gpus + " GPUs"
                    + (down > 0 ? " (" + down + " down)" : ""), snap.warnings());
        } catch (TimeoutException e) {
            poller.interrupt();
            return new Result(false, "No answer within " + timeout.toMillis() + " ms (the source's timeout)",
                    List.of());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProviderException pe) {
                return new Result(false, pe.kind() + ": " + pe.getMessage(), List.of());
            }
            return new Result(false, "Unexpected error " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), List.of());
        }
    }
}
