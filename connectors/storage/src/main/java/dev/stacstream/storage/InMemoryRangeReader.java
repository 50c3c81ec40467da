package dev.stacstream.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A reader over a byte array, for tests of code that consumes {@link RangeReader}s (it lives in {@code src/main} so
 * other modules' tests can use it). It behaves like the real backends: ranges past the end fail with a
 * non-retryable {@link TruncatedReadException}, {@code readAtMost} stops at the end, {@code readAll} coalesces with
 * the given limits, and every returned buffer is a private copy. Futures complete on the calling thread.
 */
public final class InMemoryRangeReader extends CoalescingRangeReader {

    /** URI reported when none is given. */
    public static final String DEFAULT_URI = "memory:bytes";

    private final String uri;
    private final byte[] data;
    private volatile boolean closed;

    /** A reader over a copy of {@code data}, named {@value #DEFAULT_URI}, with default coalescing. */
    public InMemoryRangeReader(byte[] data) {
        this(DEFAULT_URI, data, RangeCoalescer.defaults());
    }

    /** A reader over a copy of {@code data}, reporting {@code uri} in errors, with default coalescing. */
    public InMemoryRangeReader(String uri, byte[] data) {
        this(uri, data, RangeCoalescer.defaults());
    }

    /** A reader over a copy of {@code data}, reporting {@code uri} in errors, coalescing with {@code coalescer}. */
    public InMemoryRangeReader(String uri, byte[] data, RangeCoalescer coalescer) {
        super(coalescer);
        this.uri = Objects.requireNonNull(uri, "uri");
        this.data = Objects.requireNonNull(data, "data").clone();
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    protected CompletableFuture<ByteBuffer> fetch(ByteRange range) {
        if (closed) {
            throw new IllegalStateException(uri + ": reader is closed");
        }
        if (range.end() > data.length) {
            long available = Math.max(0, data.length - range.offset());
            return CompletableFuture.failedFuture(new TruncatedReadException(uri, range,
                    "object has only " + data.length + " bytes", available, false, null));
        }
        int from = (int) range.offset();
        return CompletableFuture.completedFuture(
                ByteBuffer.wrap(Arrays.copyOfRange(data, from, from + (int) range.length())));
    }

    @Override
    public CompletableFuture<Long> size() {
        return CompletableFuture.completedFuture((long) data.length);
    }

    /** Always known, so {@code readAtMost} clamps without asking. */
    @Override
    public OptionalLong knownSize() {
        return OptionalLong.of(data.length);
    }

    /** Later reads fail with {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "InMemoryRangeReader{" + uri + ", " + data.length + " bytes}";
    }
}
