package dev.stacstream.sinks.kerchunk.item;

import dev.stacstream.storage.ByteRange;
import java.util.List;

/** Reads the stored bytes of chunks that are to be inlined into a manifest. */
@FunctionalInterface
public interface ChunkBytes {

    /** The bytes of each of {@code ranges} of {@code url}, in the order of {@code ranges}. */
    List<byte[]> read(String url, List<ByteRange> ranges);
}
