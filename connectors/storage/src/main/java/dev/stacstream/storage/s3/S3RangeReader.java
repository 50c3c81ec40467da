package dev.stacstream.storage.s3;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.CoalescingRangeReader;
import dev.stacstream.storage.RangeCoalescer;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.internal.RetryExecutor;
import dev.stacstream.storage.internal.SizeCache;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.RequestPayer;

/**
 * Reads ranges of one S3 object with ranged {@code GetObject} requests through a shared {@link S3Transport}, each
 * attempt counted and retried by the storage {@link RetryExecutor} (the SDK's retries are off).
 *
 * <p>{@link #readAtMost} is one {@code GetObject} as well: S3 answers a range that ends past the object with a 206
 * whose {@code Content-Range} ({@code bytes a-(T-1)/T}) ends at the object's end, and a range that starts at or
 * after the end with 416 {@code InvalidRange}, which becomes an empty answer. The size a response reports is
 * remembered, so that {@link #size()} needs no {@code HeadObject} afterwards.
 *
 * <p>Futures complete on the SDK's async-response threads; retry delays run on the shared timer.
 */
final class S3RangeReader extends CoalescingRangeReader {

    private final String uri;
    private final S3Location location;
    private final S3Transport transport;
    private final RetryExecutor retries;
    private final RequestPayer requestPayer;
    private final SizeCache objectSize = new SizeCache();
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
        return retries.execute(uri, range, () -> transport.limiter().submit(() -> attemptRead(range, false)),
                S3Failures::classify);
    }

    /** One ranged {@code GetObject} (retried as one request) that lets the response tell where the object ends. */
    @Override
    protected CompletableFuture<ByteBuffer> fetchAtMost(ByteRange range) {
        checkOpen();
        return retries.execute(uri, range, () -> transport.limiter().submit(() -> attemptRead(range, true)),
                S3Failures::classify);
    }

    @Override
    public OptionalLong knownSize() {
        return objectSize.known();
    }

    /**
     * The object's {@code Content-Length} from {@code HeadObject}; cached once known, also when a read's
     * {@code Content-Range} reported it; failures are not cached.
     */
    @Override
    public CompletableFuture<Long> size() {
        checkOpen();
        HeadObjectRequest request = HeadObjectRequest.builder()
                .bucket(location.bucket())
                .key(location.key())
                .requestPayer(requestPayer)
                .build();
        return objectSize.get(() -> retries.execute(uri, null,
                () -> transport.limiter().submit(() -> transport.client().headObject(request)
                        .thenApply(response -> {
                            if (response.contentLength() == null) {
                                throw new StorageException(uri, null, "HeadObject returned no Content-Length", null);
                            }
                            return response.contentLength();
                        })),
                S3Failures::classify));
    }

    /** Marks the reader closed; the shared client stays open for other readers. Idempotent. */
    @Override
    public void close() {
        closed = true;
    }

    /** One attempt of a ranged {@code GetObject}; {@code clampToObject} for {@code readAtMost}. */
    private CompletableFuture<ByteBuffer> attemptRead(ByteRange range, boolean clampToObject) {
        GetObjectRequest request = GetObjectRequest.builder()
                .bucket(location.bucket())
                .key(location.key())
                .range("bytes=" + range.offset() + "-" + (range.end() - 1))
                .requestPayer(requestPayer)
                .build();
        RangeResponseTransformer transformer = new RangeResponseTransformer(uri, range, clampToObject);
        return transport.client().getObject(request, transformer).handle((buffer, error) -> {
            if (error == null) {
                transformer.objectSize().ifPresent(objectSize::remember);
                return buffer;
            }
            Throwable cause = RetryExecutor.unwrap(error);
            if (clampToObject && cause instanceof AwsServiceException service && S3Failures.isInvalidRange(service)) {
                return nothingPastTheEnd(service, range);
            }
            throw new CompletionException(transformer.failure(cause));
        });
    }

    /**
     * The answer to a clamped read refused with {@code InvalidRange}: S3 refuses a single range only when it starts
     * at or after the end of the object, so nothing of it exists. The size is remembered when the error tells it
     * and refused as contradictory when that size says the range does start inside the object.
     */
    private ByteBuffer nothingPastTheEnd(AwsServiceException invalidRange, ByteRange range) {
        OptionalLong actual = S3Failures.actualObjectSize(invalidRange);
        if (actual.isPresent() && actual.getAsLong() > range.offset()) {
            throw new CompletionException(S3Failures.classify(invalidRange, uri, range));
        }
        actual.ifPresent(objectSize::remember);
        return ByteBuffer.allocate(0);
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
