package dev.fleetdeck.provider.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory, refusing it as soon as it passes a byte limit (the rest is never read), and
 * remembering when the last piece arrived so the caller can detect a stalled body.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** The body passed the limit; thrown through the response future. */
    static final class TooLarge extends java.io.IOException {
        final long limit;

        TooLarge(long limit) {
            super("response body larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile long received;
    private byte[] buffer = new byte[8192];
    private int size;

    /**
     * @param limit         the most bytes accepted
     * @param declaredBytes the {@code Content-Length}, or -1; a declared size over the limit is refused at once
     */
    BoundedBodySubscriber(long limit, long declaredBytes) {
        this.limit = limit;
        if (declaredBytes > limit) {
            result.completeExceptionally(new TooLarge(limit));
        }
    }

    long lastProgressNanos() {
        return lastProgressNanos;
    }

    long received() {
        return received;
    }

    /** Stops reading (the caller gave up); the connection is dropped. */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        lastProgressNanos = System.nanoTime();
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if ((long) size + n > limit) {
                buffer = null;
                subscription.cancel();
                result.completeExceptionally(new TooLarge(limit));
                return;
            }
            if (size + n > buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max((long) size + n, 2L * buffer.length)));
            }
            item.get(buffer, size, n);
            size += n;
        }
        received = size;
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        if (!result.isDone()) {
            result.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
