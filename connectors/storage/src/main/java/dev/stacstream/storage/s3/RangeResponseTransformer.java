package dev.stacstream.storage.s3;

import dev.stacstream.storage.BadRequestException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.internal.BodyPlan;
import dev.stacstream.storage.internal.BodyWindow;
import dev.stacstream.storage.internal.ContentRange;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Receives the due bytes of a ranged {@code GetObject} body (as its {@link BodyPlan} says: the whole range, or for a
 * clamped read the part before the {@code Content-Range} total) into one exactly-sized array, or fails with a
 * {@link dev.stacstream.storage.TruncatedReadException}; never yields a short buffer.
 *
 * <p>One instance per attempt (the SDK's retries are off, so {@code prepare} runs once). The SDK calls it on its
 * Netty event loop and async-response threads. When the SDK reports a transport error after the body started,
 * {@link #failure(Throwable)} turns it into a retryable truncation naming how many bytes arrived.
 */
final class RangeResponseTransformer implements AsyncResponseTransformer<GetObjectResponse, ByteBuffer> {

    private static final int PARTIAL_CONTENT = 206;

    private final String uri;
    private final ByteRange range;
    private final boolean clampToObject;
    private volatile CompletableFuture<ByteBuffer> result;
    private volatile BodyPlan plan;
    private volatile BodyWindow window;
    private volatile boolean bodyStarted;
    private volatile StorageException ownFailure;

    /** @param clampToObject receive only the part of {@code range} within the object ({@code readAtMost}) */
    RangeResponseTransformer(String uri, ByteRange range, boolean clampToObject) {
        this.uri = uri;
        this.range = range;
        this.clampToObject = clampToObject;
    }

    @Override
    public CompletableFuture<ByteBuffer> prepare() {
        result = new CompletableFuture<>();
        return result;
    }

    @Override
    public void onResponse(GetObjectResponse response) {
        try {
            plan = response.sdkHttpResponse().statusCode() == PARTIAL_CONTENT
                    ? BodyPlan.partial(uri, range, clampToObject, ContentRange.parse(response.contentRange()))
                    : BodyPlan.wholeBody(range, clampToObject, contentLength(response));
            window = plan.newWindow();
        } catch (BadRequestException e) {
            fail(e);
        }
    }

    @Override
    public void onStream(SdkPublisher<ByteBuffer> publisher) {
        publisher.subscribe(new Subscriber<ByteBuffer>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                if (result.isDone()) {
                    s.cancel();
                } else {
                    s.request(1);
                }
            }

            @Override
            public void onNext(ByteBuffer chunk) {
                bodyStarted = true;
                if (result.isDone()) {
                    return;
                }
                window.accept(chunk);
                subscription.request(1);
            }

            @Override
            public void onError(Throwable error) {
                exceptionOccurred(error);
            }

            @Override
            public void onComplete() {
                if (result.isDone()) {
                    return; // already failed (a rejected response head)
                }
                if (window.isFull()) {
                    result.complete(window.result());
                } else {
                    fail(plan.truncation(uri, window, null));
                }
            }
        });
    }

    @Override
    public void exceptionOccurred(Throwable error) {
        BodyWindow current = window;
        if (bodyStarted && current != null && !current.isFull()) {
            fail(plan.truncation(uri, current, error));
        } else if (result != null) {
            result.completeExceptionally(error);
        }
    }

    /**
     * The failure to report for an attempt that failed with {@code error}: this transformer's own verdict (a
     * truncated or mismatched body) when it reached one, since the SDK may report the bare transport error instead.
     */
    Throwable failure(Throwable error) {
        StorageException own = ownFailure;
        return own != null ? own : error;
    }

    /** The object's size if the response told it (after a successful attempt). */
    OptionalLong objectSize() {
        BodyPlan current = plan;
        return current == null ? OptionalLong.empty() : current.objectSize();
    }

    private static OptionalLong contentLength(GetObjectResponse response) {
        Long length = response.contentLength();
        return length == null ? OptionalLong.empty() : OptionalLong.of(length);
    }

    private void fail(StorageException failure) {
        if (ownFailure == null) {
            ownFailure = failure;
        }
        result.completeExceptionally(failure);
    }
}
