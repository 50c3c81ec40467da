package dev.stacstream.cog.tiff;

import dev.stacstream.storage.ByteRange;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The bytes the header parse already fetched. Small files' tiles (and the smallest overviews of a COG,
 * which GDAL writes right after the header) are often inside them and need no further request.
 */
public final class HeaderCache {

    /** One fetched run of bytes starting at {@code offset}. */
    record Segment(long offset, byte[] bytes) {
        ByteRange range() {
            return new ByteRange(offset, bytes.length);
        }
    }

    private final List<Segment> segments;

    HeaderCache(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** A view of {@code range} if it is cached; callers must not modify it. */
    public Optional<ByteBuffer> find(ByteRange range) {
        for (Segment s : segments) {
            if (s.bytes.length > 0 && s.range().contains(range)) {
                int from = (int) (range.offset() - s.offset);
                return Optional.of(ByteBuffer.wrap(s.bytes, from, (int) range.length()).slice());
            }
        }
        return Optional.empty();
    }

    /** Total cached bytes. */
    public long size() {
        long n = 0;
        for (Segment s : segments) {
            n += s.bytes.length;
        }
        return n;
    }
}
