package dev.stacstream.storage.http;

import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.TruncatedReadException;
import dev.stacstream.storage.internal.BodyPlan;
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
 * Receives the due bytes of a response body (as its {@link BodyPlan} says) into exactly one buffer, or fails with a
 * {@link TruncatedReadException}; never yields a short buffer.
 *
 * <p>It asks for body chunks one at a time and stops the download (cancelling the subscription, which closes the
 * connection) as soon as the due bytes are complete and more bytes are arriving: the rest of a full body from a
 * server that ignored {@code Range}, or surplus bytes of a misbehaving 206. Callbacks run on the HttpClient's
 * executor.
 */
final class RangeBodySubscriber implements BodySubscriber<ByteBuffer> {

    private final String uri;
    private final BodyPlan plan;
    private final BodyWindow window;
    private final long windowEnd;
    private final StorageException rejection;
    private final CompletableFuture<ByteBuffer> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private RangeBodySubscriber(String uri, BodyPlan plan, StorageException rejection) {
        this.uri = uri;
        this.plan = plan;
        this.window = plan.newWindow();
        this.windowEnd = plan.skip() + plan.dueLength();
        this.rejection = rejection;
    }

    /** For a 200 or 206 response whose body {@code plan} describes. */
    static RangeBodySubscriber receiving(String uri, BodyPlan plan) {
        return new RangeBodySubscriber(uri, plan, null);
    }

    /** A subscriber that refuses the body (without reading it) and fails with {@code rejection}. */
    static RangeBodySubscriber rejecting(String uri, StorageException rejection) {
        // Nothing is due from a refused body.
        return new RangeBodySubscriber(uri, new BodyPlan(null, 0, true, OptionalLong.empty()), rejection);
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
        } else if (window.isFull() && plan.wholeBody()) {
            // Nothing is due (a clamped read at or past the end of a whole body): skip the download.
            subscription.cancel();
            body.complete(window.result());
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
            if (full && (plan.wholeBody() || window.bodyBytesSeen() > windowEnd)) {
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
        return plan.truncation(uri, window, error);
    }

    @Override
    public void onError(Throwable error) {
        if (window.isFull()) {
            body.complete(window.result()); // the range arrived before the connection failed
        } else {
            body.completeExceptionally(plan.truncation(uri, window, error));
        }
    }

    @Override
    public void onComplete() {
        if (window.isFull()) {
            body.complete(window.result());
        } else {
            body.completeExceptionally(plan.truncation(uri, window, null));
        }
    }
}
