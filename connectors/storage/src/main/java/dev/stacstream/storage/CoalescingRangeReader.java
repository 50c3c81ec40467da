package dev.stacstream.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of every reader in this module: subclasses implement {@link #fetch} (exactly one backend request for one
 * range) and this class builds {@link #read} and the batched {@link #readAll} on it, coalescing nearby ranges with
 * a {@link RangeCoalescer} and cutting the merged responses back into the caller's ranges.
 *
 * <p>Because every backend request goes through {@code fetch}, a decorator that overrides it (see
 * {@link CountingRangeReader}) sees the real requests, after coalescing.
 */
public abstract class CoalescingRangeReader implements RangeReader {

    private final RangeCoalescer coalescer;

    protected CoalescingRangeReader(RangeCoalescer coalescer) {
        this.coalescer = Objects.requireNonNull(coalescer, "coalescer");
    }

    /** The limits {@link #readAll} merges ranges with. */
    public RangeCoalescer coalescer() {
        return coalescer;
    }

    /**
     * Issues one backend request for {@code range} (already validated) and completes with exactly
     * {@code range.length()} bytes, or exceptionally with a {@link StorageException}.
     */
    protected abstract CompletableFuture<ByteBuffer> fetch(ByteRange range);

    @Override
    public CompletableFuture<ByteBuffer> read(ByteRange range) {
        checkBufferable(range);
        return fetch(range);
    }

    /**
     * Coalesces {@code ranges}, issues the merged requests concurrently (each through {@link #fetch}) and splits
     * the responses back. Fails fast: the result completes exceptionally with the first request failure, while
     * requests already in flight finish on their own. Returned buffers are views of the merged responses.
     */
    @Override
    public CompletableFuture<List<ByteBuffer>> readAll(List<ByteRange> ranges) {
        CoalescedRanges plan = coalescer.coalesce(ranges);
        List<ByteRange> requests = plan.requests();
        if (requests.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        requests.forEach(this::checkBufferable);
        CompletableFuture<List<ByteBuffer>> result = new CompletableFuture<>();
        ByteBuffer[] responses = new ByteBuffer[requests.size()];
        AtomicInteger pending = new AtomicInteger(requests.size());
        for (int r = 0; r < requests.size(); r++) {
            int index = r;
            CompletableFuture<ByteBuffer> response;
            try {
                response = fetch(requests.get(r));
            } catch (RuntimeException e) {
                response = CompletableFuture.failedFuture(e);
            }
            // Runs on whichever thread completes the request (an I/O thread of the backend).
            response.whenComplete((buffer, error) -> {
                if (error != null) {
                    result.completeExceptionally(unwrap(error));
                } else {
                    responses[index] = buffer;
                    if (pending.decrementAndGet() == 0) {
                        completeSplit(result, plan, responses);
                    }
                }
            });
        }
        return result;
    }

    private static void completeSplit(
            CompletableFuture<List<ByteBuffer>> result, CoalescedRanges plan, ByteBuffer[] responses) {
        try {
            result.complete(plan.split(Arrays.asList(responses)));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private void checkBufferable(ByteRange range) {
        Objects.requireNonNull(range, "range");
        if (range.length() > RangeCoalescer.MAX_BUFFER_BYTES) {
            throw new IllegalArgumentException(String.format(
                    "%s bytes %s: a range longer than %d bytes does not fit one buffer",
                    uri(), range, RangeCoalescer.MAX_BUFFER_BYTES));
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
