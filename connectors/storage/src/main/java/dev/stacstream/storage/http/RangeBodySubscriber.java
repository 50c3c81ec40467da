package dev.stacstream.storage.http;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.TruncatedReadException;
import dev.stacstream.storage.internal.BodyWindow;
import dev.stacstream.storage.internal.RetryExecutor;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Receives a response body into exactly one range, or fails with a {@link TruncatedReadException}; never yields a
 * short buffer.
 *
 * <p>It asks for body chunks one at a time and stops the download (cancelling the subscription, which closes the
 * connection) as soon as the range is complete and more bytes are arriving: the rest of a full body from a server
 * that ignored {@code Range}, or surplus bytes of a misbehaving 206. Callbacks run on the HttpClient's executor.
 */
final class RangeBodySubscriber implements BodySubscriber<ByteBuffer> {

    private final String uri;
    private final ByteRange range;
    private final BodyWindow window;
    private final long windowEnd;
    private final boolean stopWhenFull;
    private final OptionalLong objectSize;
    private final StorageException rejection;
    private final CompletableFuture<ByteBuffer> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private RangeBodySubscriber(String uri, ByteRange range, long skip, boolean stopWhenFull,
            OptionalLong objectSize, StorageException rejection) {
        this.uri = uri;
        this.range = range;
        this.window = new BodyWindow(skip, rejection == null ? range.length() : 0);
        this.windowEnd = skip + range.length();
        this.stopWhenFull = stopWhenFull;
        this.objectSize = objectSize;
        this.rejection = rejection;
    }

    /**
     * For a 206 response whose body starts at the range's first byte.
     *
     * @param objectSize the object's length from {@code Content-Range}, to tell a short object from a cut body
     */
    static RangeBodySubscriber partial(String uri, ByteRange range, OptionalLong objectSize) {
        return new RangeBodySubscriber(uri, range, 0, false, objectSize, null);
    }

    /**
     * For a 200 response carrying the whole object (the server ignored {@code Range}): skips to the range, keeps
     * it, and stops the download once it is complete.
     *
     * @param objectSize the object's length from {@code Content-Length}, if sent
     */
    static RangeBodySubscriber wholeBody(String uri, ByteRange range, OptionalLong objectSize) {
        return new RangeBodySubscriber(uri, range, range.offset(), true, objectSize, null);
    }

    /** A subscriber that refuses the body (without reading it) and fails with {@code rejection}. */
    static RangeBodySubscriber rejecting(String uri, ByteRange range, StorageException rejection) {
        return new RangeBodySubscriber(uri, range, 0, true, OptionalLong.empty(), rejection);
    }

    @Override
    public CompletionStage<ByteBuffer> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (rejection != null) {
            subscription.cancel();
            body.completeExceptionally(rejection);
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> chunks) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer chunk : chunks) {
            boolean full = window.accept(chunk);
            if (full && (stopWhenFull || window.bodyBytesSeen() > windowEnd)) {
                // Everything needed is here and the rest is surplus: stop downloading.
                subscription.cancel();
                body.complete(window.result());
                return;
            }
        }
        subscription.request(1);
    }

    /**
     * The failure to report for an exchange that failed with {@code error} after this subscriber was chosen: its own
     * verdict if it reached one, else a retryable truncation counting the bytes that arrived. The JDK client may fail
     * the exchange with its own {@code IOException} (e.g. "fixed content-length: 100, bytes received: 10") without
     * the subscriber's error ever surfacing, so the reader asks here rather than trusting the exchange's error.
     */
    StorageException failure(Throwable error) {
        if (body.isCompletedExceptionally()) {
            Throwable own = body.handle((value, e) -> RetryExecutor.unwrap(e)).join();
            if (own instanceof StorageException se) {
                return se;
            }
        }
        if (rejection != null) {
            return rejection;
        }
        return window.truncation(uri, range, objectSize, error);
    }

    @Override
    public void onError(Throwable error) {
        if (window.isFull()) {
            body.complete(window.result()); // the range arrived before the connection failed
        } else {
            body.completeExceptionally(window.truncation(uri, range, objectSize, error));
        }
    }

    @Override
    public void onComplete() {
        if (window.isFull()) {
            body.complete(window.result());
        } else {
            body.completeExceptionally(window.truncation(uri, range, objectSize, null));
        }
    }
}
