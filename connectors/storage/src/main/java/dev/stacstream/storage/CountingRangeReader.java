package dev.stacstream.storage;

import dev.stacstream.storage.internal.SizeCache;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decorator that counts caller ranges, backend requests and bytes, for tests, benchmarks and metrics.
 *
 * <p>It sits between the coalescer and the backend: {@code readAll} coalesces here (with the delegate's limits when
 * the delegate is a {@link CoalescingRangeReader}, as every reader of this module is) and sends each merged request
 * to the delegate's single-range {@code read}, which is one backend request. So {@link ReadStats#requests()} is the
 * number of real requests, not the number of calls. A retried request counts once: retries happen inside the
 * delegate. {@code readAtMost} counts as one request too, as it is one for every reader of this module (none at all
 * when the object's size is known and the range starts at or after its end). Wrapping a delegate that is not a
 * {@code CoalescingRangeReader} counts one request per range, since this class cannot know how that delegate
 * batches.
 *
 * <p>{@link #size()} is cached here once known. A lookup counts as a {@link ReadStats#metadataRequests() metadata
 * request} unless the delegate already knew the size ({@link CoalescingRangeReader#knownSize()}), e.g. from the
 * {@code Content-Range} of an earlier read.
 *
 * <p>Thread-safe; counters are updated on whatever thread completes a request. {@link #close()} closes the delegate.
 */
public final class CountingRangeReader extends CoalescingRangeReader {

    private final RangeReader delegate;
    private final LongAdder rangesRequested = new LongAdder();
    private final LongAdder bytesRequested = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder failedRequests = new LongAdder();
    private final LongAdder metadataRequests = new LongAdder();
    private final SizeCache objectSize = new SizeCache();

    /** Counts {@code delegate}'s requests, coalescing as the delegate does. */
    public CountingRangeReader(RangeReader delegate) {
        this(delegate, delegate instanceof CoalescingRangeReader c ? c.coalescer() : RangeCoalescer.disabled());
    }

    /** Counts {@code delegate}'s requests, coalescing {@code readAll} with {@code coalescer}. */
    public CountingRangeReader(RangeReader delegate, RangeCoalescer coalescer) {
        super(coalescer);
        this.delegate = delegate;
    }

    /** The counters so far. */
    public ReadStats stats() {
        return new ReadStats(rangesRequested.sum(), bytesRequested.sum(), requests.sum(), bytesReceived.sum(),
                failedRequests.sum(), metadataRequests.sum());
    }

    /** The wrapped reader. */
    public RangeReader delegate() {
        return delegate;
    }

    @Override
    public String uri() {
        return delegate.uri();
    }

    @Override
    public CompletableFuture<ByteBuffer> read(ByteRange range) {
        countCallerRange(range);
        return super.read(range);
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> readAll(List<ByteRange> ranges) {
        ranges.forEach(this::countCallerRange);
        return super.readAll(ranges);
    }

    /** Counts {@code range} as one caller range whose requested bytes are the part within the object. */
    @Override
    public CompletableFuture<ByteBuffer> readAtMost(ByteRange range) {
        rangesRequested.increment();
        return super.readAtMost(range).whenComplete(
                (buffer, error) -> bytesRequested.add(error == null ? buffer.remaining() : range.length()));
    }

    @Override
    protected CompletableFuture<ByteBuffer> fetch(ByteRange range) {
        requests.increment();
        return counted(delegate.read(range));
    }

    /**
     * The size is unknown here and in the delegate: one request. An answer that is short but not empty ends at the
     * object's end, which tells the size (an empty one only tells that the object ends at or before the offset).
     */
    @Override
    protected CompletableFuture<ByteBuffer> fetchAtMost(ByteRange range) {
        requests.increment();
        return counted(delegate.readAtMost(range)).whenComplete((buffer, error) -> {
            if (error == null && buffer.hasRemaining() && buffer.remaining() < range.length()) {
                objectSize.remember(range.offset() + buffer.remaining());
            }
        });
    }

    @Override
    public OptionalLong knownSize() {
        OptionalLong own = objectSize.known();
        return own.isPresent() ? own : delegateKnownSize();
    }

    @Override
    public CompletableFuture<Long> size() {
        return objectSize.get(() -> {
            if (delegateKnownSize().isEmpty()) {
                metadataRequests.increment();
            }
            return delegate.size();
        });
    }

    @Override
    public void close() {
        delegate.close();
    }

    private CompletableFuture<ByteBuffer> counted(CompletableFuture<ByteBuffer> response) {
        return response.whenComplete((buffer, error) -> {
            if (error != null) {
                failedRequests.increment();
            } else {
                bytesReceived.add(buffer.remaining());
            }
        });
    }

    private OptionalLong delegateKnownSize() {
        return delegate instanceof CoalescingRangeReader c ? c.knownSize() : OptionalLong.empty();
    }

    private void countCallerRange(ByteRange range) {
        rangesRequested.increment();
        bytesRequested.add(range.length());
    }

    @Override
    public String toString() {
        return "CountingRangeReader{" + delegate + ", " + stats() + "}";
    }
}
