package dev.stacstream.storage;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Stateless byte-range reads of one object (a local file, an HTTP(S) URL or an S3 key).
 *
 * <p>Every returned buffer holds exactly the requested bytes (position 0, limit = length); a short or
 * truncated response completes the future exceptionally with a {@link StorageException} that names the
 * URI and the range, never with fewer bytes. Implementations are thread-safe; futures may complete on an
 * I/O thread, so callers hop to their own executor before doing CPU work.
 *
 * <p>Storage failures complete the future exceptionally with a {@link StorageException} (see its subclasses for
 * the taxonomy). Misuse is thrown at once instead: {@link IllegalStateException} for a closed reader,
 * {@link IllegalArgumentException} for a range too long for one buffer. Returned buffers may be views into a
 * larger array (after coalescing): use {@code arrayOffset()} when accessing {@code array()} directly.
 *
 * <p>Readers are cheap; the expensive clients behind them are shared (see {@link SharedClients}).
 * {@link #close()} releases only what the reader itself holds (e.g. an open file) and is idempotent.
 */
public interface RangeReader extends AutoCloseable {

    /** The URI this reader reads, as given by the user (used in every error message). */
    String uri();

    /** Reads one range. */
    CompletableFuture<ByteBuffer> read(ByteRange range);

    /**
     * Reads several ranges; the result list is in the order of {@code ranges}. Implementations may coalesce
     * nearby ranges into fewer requests (see {@link RangeCoalescer}).
     */
    CompletableFuture<List<ByteBuffer>> readAll(List<ByteRange> ranges);

    /**
     * Reads {@code range} but stops at the end of the object: the buffer holds
     * {@code min(range.end(), size) - range.offset()} bytes, and is empty when the range starts at or after the
     * end. Used for header read-ahead, where the object may be smaller than the read-ahead. As with
     * {@link #read}, a response that delivers fewer bytes than the object holds within the range fails; it never
     * yields a shorter buffer.
     *
     * <p>Every reader of this module answers with one request at most (see {@link CoalescingRangeReader}): HTTP and
     * S3 send one ranged GET and learn where the object ends from the response. This default, for other
     * implementations, asks {@link #size()} first and then reads, which costs a metadata request unless the size is
     * cached.
     */
    default CompletableFuture<ByteBuffer> readAtMost(ByteRange range) {
        return size().thenCompose(size -> {
            long end = Math.min(range.end(), size);
            if (end <= range.offset()) {
                return CompletableFuture.completedFuture(ByteBuffer.allocate(0));
            }
            return read(ByteRange.of(range.offset(), end));
        });
    }

    /** The object's size in bytes, if the backend can tell (one metadata request at most, then cached). */
    CompletableFuture<Long> size();

    @Override
    void close();
}
