package dev.stacstream.storage.s3;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.RangeCoalescer;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.internal.RetryExecutor;
import dev.stacstream.storage.internal.RemoteRangeReader;
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
final class S3RangeReader extends RemoteRangeReader {

    private final S3Location location;
    private final S3Transport transport;
    private final RequestPayer requestPayer;

    /** @param requesterPays send {@code x-amz-request-payer: requester} on every request */
    S3RangeReader(String uri, S3Location location, S3Transport transport, RetryExecutor retries,
            boolean requesterPays, RangeCoalescer coalescer) {
        super(uri, coalescer, retries, transport.limiter(), S3Failures::classify);
        this.location = location;
        this.transport = transport;
        this.requestPayer = requesterPays ? RequestPayer.REQUESTER : null;
    }

    /** The object's {@code Content-Length} from {@code HeadObject}. */
    @Override
    protected CompletableFuture<Long> attemptSize() {
        HeadObjectRequest request = HeadObjectRequest.builder()
                .bucket(location.bucket())
                .key(location.key())
                .requestPayer(requestPayer)
                .build();
        return transport.client().headObject(request).thenApply(response -> {
            if (response.contentLength() == null) {
                throw new StorageException(uri(), null, "HeadObject returned no Content-Length", null);
            }
            return response.contentLength();
        });
    }

    @Override
    protected CompletableFuture<ByteBuffer> attemptRead(ByteRange range, boolean clampToObject) {
        GetObjectRequest request = GetObjectRequest.builder()
                .bucket(location.bucket())
                .key(location.key())
                .range("bytes=" + range.offset() + "-" + (range.end() - 1))
                .requestPayer(requestPayer)
                .build();
        RangeResponseTransformer transformer = new RangeResponseTransformer(uri(), range, clampToObject);
        return transport.client().getObject(request, transformer).handle((buffer, error) -> {
            if (error == null) {
                transformer.objectSize().ifPresent(this::rememberSize);
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
            throw new CompletionException(S3Failures.classify(invalidRange, uri(), range));
        }
        actual.ifPresent(this::rememberSize);
        return ByteBuffer.allocate(0);
    }

    @Override
    public String toString() {
        return "S3RangeReader{" + uri() + "}";
    }
}
