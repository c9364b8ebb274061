package dev.fleetdeck.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs one task per item (host, scrape target) on a provider's executor and collects the results in item order.
 * If the polling thread is interrupted (timeout, shutdown) or a task throws, every task still running is
 * cancelled (interrupted), so no work outlives the poll.
 */
public final class FanOut {
    /** A task for one item; it reports its own failures in its result rather than throwing. */
    @FunctionalInterface
    public interface Task<T, R> {
        R run(T item) throws InterruptedException;
    }

    private FanOut() {
    }

    /**
     * @param source  the provider's name, for the message of an unexpected failure
     * @param threads the provider's executor (virtual threads)
     * @param items   what to work on
     * @param task    the work for one item
     */
    public static <T, R> List<R> run(String source, ExecutorService threads, List<T> items, Task<T, R> task)
            throws ProviderException, InterruptedException {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(threads.submit(() -> task.run(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw new ProviderException(ProviderException.Kind.BAD_DATA, source, "unexpected failure: "
                    + e.getCause(), e.getCause());
        }
    }
}
