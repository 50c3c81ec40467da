package dev.stacstream.storage.internal;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.TruncatedReadException;
import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * Collects exactly one window {@code [skip, skip + length)} of a streamed response body into a fresh array.
 *
 * <p>With {@code skip = 0} it holds a ranged (206) response; with {@code skip = offset} it cuts the wanted range
 * out of a full (200) body from a server that ignored {@code Range}, without keeping the bytes before or after.
 * Single writer: body chunks arrive one at a time on the client's I/O thread; the fill count is volatile so that
 * a failure handler on another thread reports how many bytes arrived.
 */
public final class BodyWindow {

    private final long skip;
    private final byte[] bytes;
    private long seen;
    private volatile int filled;

    /**
     * @param skip body bytes to discard before the window
     * @param length window length; at most {@link Integer#MAX_VALUE} - 8 (one array)
     */
    public BodyWindow(long skip, long length) {
        if (skip < 0 || length < 0 || length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("invalid body window skip " + skip + " length " + length);
        }
        this.skip = skip;
        this.bytes = new byte[(int) length];
    }

    /** Consumes a chunk (advancing its position); returns whether the window is now full. */
    public boolean accept(ByteBuffer chunk) {
        int available = chunk.remaining();
        long toSkip = Math.max(0, skip - seen);
        if (toSkip >= available) {
            seen += available;
            chunk.position(chunk.limit());
            return isFull();
        }
        chunk.position(chunk.position() + (int) toSkip);
        seen += toSkip;
        int copy = Math.min(chunk.remaining(), bytes.length - filled);
        chunk.get(bytes, filled, copy);
        filled += copy;
        seen += copy;
        int rest = chunk.remaining();
        chunk.position(chunk.limit());
        seen += rest;
        return isFull();
    }

    /** Whether every byte of the window has arrived. */
    public boolean isFull() {
        return filled == bytes.length;
    }

    /** Window bytes received so far. */
    public int filled() {
        return filled;
    }

    /** Window length. */
    public int length() {
        return bytes.length;
    }

    /** Body bytes seen so far, including skipped ones. */
    public long bodyBytesSeen() {
        return seen;
    }

    /** The window; only valid once {@link #isFull()}. */
    public ByteBuffer result() {
        if (!isFull()) {
            throw new IllegalStateException("body window has " + filled + " of " + bytes.length + " bytes");
        }
        return ByteBuffer.wrap(bytes);
    }

    /**
     * The error for a body that ended before the window was full.
     *
     * @param objectSize the object's length if the response told it: when it ends before {@code range}, the object
     *     is short and retrying is pointless
     * @param cause the transport error that cut the body, or {@code null} if the body ended normally
     */
    public TruncatedReadException truncation(String uri, ByteRange range, OptionalLong objectSize, Throwable cause) {
        if (cause != null) {
            return new TruncatedReadException(uri, range, String.format("response body cut after %d of %d bytes: %s",
                    filled, bytes.length, Failures.describe(cause)), filled, true, cause);
        }
        if (objectSize.isPresent() && objectSize.getAsLong() < range.end()) {
            return new TruncatedReadException(uri, range, "object has only " + objectSize.getAsLong() + " bytes",
                    filled, false, null);
        }
        return new TruncatedReadException(uri, range,
                String.format("response body ended after %d of %d bytes", filled, bytes.length), filled, true, null);
    }
}
