package dev.stacstream.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of every reader in this module: subclasses implement {@link #fetch} (exactly one backend request for one
 * range) and this class builds {@link #read} and the batched {@link #readAll} on it, coalescing nearby ranges with
 * a {@link RangeCoalescer} and cutting the merged responses back into the caller's ranges.
 *
 * <p>{@link #readAtMost} is one backend request too: when the object's size is already known ({@link #knownSize()})
 * the range is clamped here and read with {@code fetch} (or not at all when nothing of it is left); otherwise
 * {@link #fetchAtMost} asks the backend for the range and lets the response tell where the object ends.
 *
 * <p>Because every backend request goes through {@code fetch} or {@code fetchAtMost}, a decorator that overrides
 * them (see {@link CountingRangeReader}) sees the real requests, after coalescing.
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

    /**
     * Reads the part of {@code range} (already validated) that lies within the object, whose size is not known yet,
     * and completes with exactly those bytes: an empty buffer when the range starts at or after the end.
     *
     * <p>This default asks {@link #size()} first and then calls {@code fetch}: a metadata request plus a read.
     * Backends that can clamp in the request itself (HTTP and S3 answer a {@code Range} past the end with the bytes
     * up to the end, or with 416) override it to issue one request; local backends read the size on the same I/O
     * call.
     */
    protected CompletableFuture<ByteBuffer> fetchAtMost(ByteRange range) {
        return size().thenCompose(size -> range.clampTo(size)
                .map(this::fetch)
                .orElseGet(CoalescingRangeReader::nothing));
    }

    /**
     * The object's size if this reader knows it without a request: from an earlier {@link #size()}, from a response
     * that reported it, or because the bytes are at hand. Empty by default.
     */
    public OptionalLong knownSize() {
        return OptionalLong.empty();
    }

    @Override
    public CompletableFuture<ByteBuffer> read(ByteRange range) {
        checkBufferable(range);
        return fetch(range);
    }

    /** One backend request at most; none when the size is known and the range starts at or after the end. */
    @Override
    public CompletableFuture<ByteBuffer> readAtMost(ByteRange range) {
        checkBufferable(range);
        OptionalLong size = knownSize();
        if (size.isPresent()) {
            return range.clampTo(size.getAsLong()).map(this::fetch).orElseGet(CoalescingRangeReader::nothing);
        }
        return fetchAtMost(range);
    }

    /** The answer of a clamped read that starts at or after the end of the object. */
    protected static CompletableFuture<ByteBuffer> nothing() {
        return CompletableFuture.completedFuture(ByteBuffer.allocate(0));
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
