package dev.stacstream.storage.s3;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.CoalescingRangeReader;
import dev.stacstream.storage.RangeCoalescer;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.internal.RetryExecutor;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.RequestPayer;

/**
 * Reads ranges of one S3 object with ranged {@code GetObject} requests through a shared {@link S3Transport}, each
 * attempt counted and retried by the storage {@link RetryExecutor} (the SDK's retries are off).
 *
 * <p>Futures complete on the SDK's async-response threads; retry delays run on the shared timer.
 */
final class S3RangeReader extends CoalescingRangeReader {

    private final String uri;
    private final S3Location location;
    private final S3Transport transport;
    private final RetryExecutor retries;
    private final RequestPayer requestPayer;
    private final AtomicReference<CompletableFuture<Long>> size = new AtomicReference<>();
    private volatile boolean closed;

    /** @param requesterPays send {@code x-amz-request-payer: requester} on every request */
    S3RangeReader(String uri, S3Location location, S3Transport transport, RetryExecutor retries,
            boolean requesterPays, RangeCoalescer coalescer) {
        super(coalescer);
        this.uri = uri;
        this.location = location;
        this.transport = transport;
        this.retries = retries;
        this.requestPayer = requesterPays ? RequestPayer.REQUESTER : null;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    protected CompletableFuture<ByteBuffer> fetch(ByteRange range) {
        checkOpen();
        GetObjectRequest request = GetObjectRequest.builder()
                .bucket(location.bucket())
                .key(location.key())
                .range("bytes=" + range.offset() + "-" + (range.end() - 1))
                .requestPayer(requestPayer)
                .build();
        return retries.execute(uri, range, () -> transport.limiter().submit(() -> attemptRead(request, range)),
                S3Failures::classify);
    }

    /** The object's {@code Content-Length} from {@code HeadObject}; cached once known, failures are not cached. */
    @Override
    public CompletableFuture<Long> size() {
        checkOpen();
        CompletableFuture<Long> known = size.get();
        if (known != null && !known.isCompletedExceptionally()) {
            return known;
        }
        HeadObjectRequest request = HeadObjectRequest.builder()
                .bucket(location.bucket())
                .key(location.key())
                .requestPayer(requestPayer)
                .build();
        CompletableFuture<Long> lookup = retries.execute(uri, null,
                () -> transport.limiter().submit(() -> transport.client().headObject(request)
                        .thenApply(response -> {
                            if (response.contentLength() == null) {
                                throw new StorageException(uri, null, "HeadObject returned no Content-Length", null);
                            }
                            return response.contentLength();
                        })),
                S3Failures::classify);
        size.set(lookup);
        return lookup;
    }

    /** Marks the reader closed; the shared client stays open for other readers. Idempotent. */
    @Override
    public void close() {
        closed = true;
    }

    private CompletableFuture<ByteBuffer> attemptRead(GetObjectRequest request, ByteRange range) {
        RangeResponseTransformer transformer = new RangeResponseTransformer(uri, range);
        return transport.client().getObject(request, transformer).handle((buffer, error) -> {
            if (error != null) {
                throw new CompletionException(transformer.failure(RetryExecutor.unwrap(error)));
            }
            return buffer;
        });
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(uri + ": reader is closed");
        }
    }

    @Override
    public String toString() {
        return "S3RangeReader{" + uri + "}";
    }
}
