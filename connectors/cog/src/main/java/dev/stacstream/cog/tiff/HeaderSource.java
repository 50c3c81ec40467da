package dev.stacstream.cog.tiff;

import dev.stacstream.cog.error.CogIoException;
import dev.stacstream.cog.error.ErrorContext;
import dev.stacstream.cog.error.MalformedTiffException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.StorageException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Read-ahead cache for the metadata part of a TIFF. The first access fetches {@code readahead} bytes from
 * the start of the file, which holds every IFD and tag array of a GDAL-written COG; an IFD or array that
 * lies beyond the cached bytes triggers one more read from that offset, and each such miss doubles the
 * read-ahead (as async-tiff does for TIFFs that keep their IFDs at the end).
 *
 * <p>Not thread-safe: one parser uses it on one thread.
 */
final class HeaderSource {

    private final RangeReader reader;
    private final ErrorContext context;
    private final List<Segment> segments = new ArrayList<>();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private long readahead;
    private int requests;
    private long bytesRead;
    /** The object's size once a read came back short; {@code -1} while unknown. */
    private long knownSize = -1;

    HeaderSource(RangeReader reader, long readahead) {
        this.reader = reader;
        this.context = ErrorContext.of(reader.uri());
        this.readahead = readahead;
    }

    void order(ByteOrder byteOrder) {
        this.order = byteOrder;
    }

    ByteOrder order() {
        return order;
    }

    /** A buffer holding exactly {@code [offset, offset + length)}, in the file's byte order. */
    ByteBuffer slice(long offset, long length, String what) {
        if (length > Integer.MAX_VALUE) {
            throw new MalformedTiffException(context.withRange(new ByteRange(offset, length)),
                    what + " claims " + length + " bytes, more than any TIFF header can hold");
        }
        ByteRange want = new ByteRange(offset, Math.max(1, length));
        for (Segment s : segments) {
            if (s.range.contains(want)) {
                return s.slice(want, order);
            }
        }
        fetch(want, what);
        return slice(offset, length, what);
    }

    /** Cached bytes covering {@code range}, if the header reads already fetched them; else {@code null}. */
    ByteBuffer cached(ByteRange range) {
        for (Segment s : segments) {
            if (s.range.contains(range)) {
                return s.slice(range, order);
            }
        }
        return null;
    }

    /** The bytes fetched so far, as an immutable cache for block reads. */
    HeaderCache snapshot() {
        List<HeaderCache.Segment> copy = new ArrayList<>();
        for (Segment s : segments) {
            copy.add(new HeaderCache.Segment(s.range.offset(), s.bytes));
        }
        return new HeaderCache(copy);
    }

    int requests() {
        return requests;
    }

    long bytesRead() {
        return bytesRead;
    }

    private void fetch(ByteRange want, String what) {
        if (knownSize >= 0 && want.end() > knownSize) {
            throw truncated(want, what);
        }
        ByteRange request = new ByteRange(want.offset(), Math.max(want.length(), readahead));
        ByteBuffer data;
        try {
            data = reader.readAtMost(request).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String detail = cause instanceof StorageException se ? se.detail()
                    + (se.attempts() > 1 ? " after " + se.attempts() + " attempts" : "") : cause.toString();
            throw new CogIoException(context.withRange(request), "reading the TIFF header failed: " + detail, cause);
        }
        requests++;
        bytesRead += data.remaining();
        if (data.remaining() < request.length()) {
            knownSize = request.offset() + data.remaining();
        }
        if (data.remaining() < want.length()) {
            throw truncated(want, what);
        }
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        segments.add(new Segment(new ByteRange(request.offset(), bytes.length), bytes));
        readahead = Math.min(readahead * 2, Integer.MAX_VALUE / 2);
    }

    private MalformedTiffException truncated(ByteRange want, String what) {
        return new MalformedTiffException(context.withRange(want), what + " lies past the end of the file ("
                + knownSize + " bytes): the file is truncated or the offset is corrupt");
    }

    private record Segment(ByteRange range, byte[] bytes) {
        ByteBuffer slice(ByteRange r, ByteOrder order) {
            int from = (int) (r.offset() - range.offset());
            return ByteBuffer.wrap(bytes, from, (int) r.length()).slice().order(order);
        }
    }
}
