package dev.stacstream.storage.s3;

import dev.stacstream.storage.BadRequestException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.internal.BodyWindow;
import dev.stacstream.storage.internal.ContentRange;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Receives a ranged {@code GetObject} body into one exactly-sized array, or fails with a
 * {@link dev.stacstream.storage.TruncatedReadException}; never yields a short buffer.
 *
 * <p>One instance per attempt (the SDK's retries are off, so {@code prepare} runs once). The SDK calls it on its
 * Netty event loop and async-response threads. When the SDK reports a transport error after the body started,
 * {@link #failure(Throwable)} turns it into a retryable truncation naming how many bytes arrived.
 */
final class RangeResponseTransformer implements AsyncResponseTransformer<GetObjectResponse, ByteBuffer> {

    private final String uri;
    private final ByteRange range;
    private final BodyWindow window;
    private volatile CompletableFuture<ByteBuffer> result;
    private volatile OptionalLong objectSize = OptionalLong.empty();
    private volatile boolean bodyStarted;
    private volatile StorageException ownFailure;

    RangeResponseTransformer(String uri, ByteRange range) {
        this.uri = uri;
        this.range = range;
        this.window = new BodyWindow(0, range.length());
    }

    @Override
    public CompletableFuture<ByteBuffer> prepare() {
        result = new CompletableFuture<>();
        return result;
    }

    @Override
    public void onResponse(GetObjectResponse response) {
        Optional<ContentRange> contentRange = ContentRange.parse(response.contentRange());
        if (contentRange.isPresent() && contentRange.get().isSatisfied()) {
            objectSize = contentRange.get().total();
            if (contentRange.get().start() != range.offset()) {
                fail(new BadRequestException(uri, range, "server returned bytes "
                        + ByteRange.of(contentRange.get().start(), contentRange.get().end()) + " instead", null));
            }
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
                if (window.isFull()) {
                    result.complete(window.result());
                } else {
                    fail(window.truncation(uri, range, objectSize, null));
                }
            }
        });
    }

    @Override
    public void exceptionOccurred(Throwable error) {
        if (bodyStarted && !window.isFull()) {
            fail(window.truncation(uri, range, objectSize, error));
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

    private void fail(StorageException failure) {
        if (ownFailure == null) {
            ownFailure = failure;
        }
        result.completeExceptionally(failure);
    }
}
