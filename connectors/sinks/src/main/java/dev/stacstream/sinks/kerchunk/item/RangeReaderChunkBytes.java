package dev.stacstream.sinks.kerchunk.item;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaders;
import dev.stacstream.storage.StorageOptions;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * {@link ChunkBytes} through the storage layer: one {@link RangeReader} per URL, one batched (coalescing) read per
 * asset. Storage failures surface as the storage layer's unchecked exceptions, naming the URI and range.
 */
public final class RangeReaderChunkBytes implements ChunkBytes {

    private final StorageOptions options;

    public RangeReaderChunkBytes(StorageOptions options) {
        this.options = options;
    }

    /** With the default storage options (AWS environment variables for S3). */
    public static RangeReaderChunkBytes defaults() {
        return new RangeReaderChunkBytes(StorageOptions.defaults());
    }

    @Override
    public List<byte[]> read(String url, List<ByteRange> ranges) {
        try (RangeReader reader = RangeReaders.open(url, options)) {
            List<ByteBuffer> buffers = reader.readAll(ranges).join();
            List<byte[]> out = new ArrayList<>(buffers.size());
            for (ByteBuffer b : buffers) {
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                out.add(bytes);
            }
            return out;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
