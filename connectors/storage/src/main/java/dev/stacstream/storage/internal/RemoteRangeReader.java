package dev.stacstream.storage.internal;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.CoalescingRangeReader;
import dev.stacstream.storage.RangeCoalescer;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What the network backends (HTTP, S3) share: every request runs through the concurrency limiter and the
 * retry executor with the backend's failure classifier, the object size is cached once any response tells it,
 * and a closed reader refuses new requests (the shared client stays open for other readers). A backend supplies
 * one attempt of a ranged read and one attempt of a size lookup.
 */
public abstract class RemoteRangeReader extends CoalescingRangeReader {

    private final String uri;
    private final RetryExecutor retries;
    private final AsyncLimiter limiter;
    private final FailureClassifier classifier;
    private final SizeCache objectSize = new SizeCache();
    private volatile boolean closed;

    protected RemoteRangeReader(String uri, RangeCoalescer coalescer, RetryExecutor retries, AsyncLimiter limiter,
            FailureClassifier classifier) {
        super(coalescer);
        this.uri = uri;
        this.retries = retries;
        this.limiter = limiter;
        this.classifier = classifier;
    }

    /**
     * One attempt at reading {@code range}. With {@code clampToObject}, the response may end the range early at the
     * object's end (and an offset at or past the end gives an empty buffer); otherwise fewer bytes are an error.
     */
    protected abstract CompletableFuture<ByteBuffer> attemptRead(ByteRange range, boolean clampToObject);

    /** One attempt at looking up the object's size. */
    protected abstract CompletableFuture<Long> attemptSize();

    @Override
    public final String uri() {
        return uri;
    }

    @Override
    protected final CompletableFuture<ByteBuffer> fetch(ByteRange range) {
        checkOpen();
        return retries.execute(uri, range, () -> limiter.submit(() -> attemptRead(range, false)), classifier);
    }

    /** One ranged request (retried as one request) that lets the response tell where the object ends. */
    @Override
    protected final CompletableFuture<ByteBuffer> fetchAtMost(ByteRange range) {
        checkOpen();
        return retries.execute(uri, range, () -> limiter.submit(() -> attemptRead(range, true)), classifier);
    }

    @Override
    public final OptionalLong knownSize() {
        return objectSize.known();
    }

    /** The object's size: cached once known (also from a read's response); a failed lookup is not cached. */
    @Override
    public final CompletableFuture<Long> size() {
        checkOpen();
        Supplier<CompletableFuture<Long>> lookup = () -> retries.execute(uri, null, () -> limiter.submit(this::attemptSize),
                classifier);
        return objectSize.get(lookup);
    }

    /** Records the object size a response reported. */
    protected final void rememberSize(long size) {
        objectSize.remember(size);
    }

    /** Marks the reader closed; the shared client stays open for other readers. Idempotent. */
    @Override
    public final void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(uri + ": reader is closed");
        }
    }
}
