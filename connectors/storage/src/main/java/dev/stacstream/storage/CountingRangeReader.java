package dev.stacstream.storage;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decorator that counts caller ranges, backend requests and bytes, for tests, benchmarks and metrics.
 *
 * <p>It sits between the coalescer and the backend: {@code readAll} coalesces here (with the delegate's limits when
 * the delegate is a {@link CoalescingRangeReader}, as every reader of this module is) and sends each merged request
 * to the delegate's single-range {@code read}, which is one backend request. So {@link ReadStats#requests()} is the
 * number of real requests, not the number of calls. A retried request counts once: retries happen inside the
 * delegate. Wrapping a delegate that is not a {@code CoalescingRangeReader} counts one request per range, since
 * this class cannot know how that delegate batches.
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
                failedRequests.sum());
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

    @Override
    protected CompletableFuture<ByteBuffer> fetch(ByteRange range) {
        requests.increment();
        return delegate.read(range).whenComplete((buffer, error) -> {
            if (error != null) {
                failedRequests.increment();
            } else {
                bytesReceived.add(buffer.remaining());
            }
        });
    }

    @Override
    public CompletableFuture<Long> size() {
        return delegate.size();
    }

    @Override
    public void close() {
        delegate.close();
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
