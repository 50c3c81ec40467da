package dev.stacstream.sinks.parquet;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Compresses pages with zstd-jni in one call per page, from heap array to heap array, with one compression context
 * for a whole batch of pages.
 *
 * <p>parquet-java's own zstd path opens a zstd stream (a new native context whose match tables are zeroed) for
 * every page, including the tiny pages of constant columns. Here a context lives from {@link #compress} to the next
 * {@link #endBatch}: the part-file writer ends a batch after writing each set of column pages, so no native memory
 * outlives a batch even when a failed task abandons the writer. Not thread-safe.
 */
final class ZstdPageCompressor implements BytesInputCompressor {

    private final int level;
    private final Source source = new Source();
    private ZstdCompressCtx context;
    private byte[] compressed = new byte[0];

    ZstdPageCompressor(int level) {
        this.level = level;
    }

    /**
     * The compressed page, in a buffer that the next call overwrites: parquet's page store copies it before it
     * compresses another page.
     */
    @Override
    public BytesInput compress(BytesInput page) throws IOException {
        source.clear();
        page.writeAllTo(source);
        int bound = Math.toIntExact(Zstd.compressBound(source.length()));
        if (compressed.length < bound) {
            compressed = new byte[bound];
        }
        if (context == null) {
            context = new ZstdCompressCtx().setLevel(level);
        }
        int size = context.compressByteArray(compressed, 0, compressed.length, source.array(), source.offset(),
                source.length());
        return BytesInput.from(compressed, 0, size);
    }

    /** Frees the native context until the next page. */
    void endBatch() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public CompressionCodecName getCodecName() {
        return CompressionCodecName.ZSTD;
    }

    @Override
    public void release() {
        endBatch();
    }

    /**
     * Receives a page's bytes. A page encoded in one array ({@link PageBytes#view()}) arrives in one write, and is
     * compressed straight from the caller's array, which stays unchanged until {@link #compress} returns; a page in
     * several pieces is copied into one array first.
     */
    private static final class Source extends OutputStream {

        private static final byte[] NOTHING = new byte[0];

        private final PageBytes copy = new PageBytes(0);
        private byte[] array = NOTHING;
        private int offset;
        private int length;
        private int writes;

        void clear() {
            array = NOTHING;
            length = 0;
            writes = 0;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (writes == 0) {
                array = b;
                offset = off;
                length = len;
            } else {
                if (writes == 1) {
                    copy.reset();
                    copy.put(array, offset, length);
                }
                copy.put(b, off, len);
                length += len;
            }
            writes++;
        }

        byte[] array() {
            return writes > 1 ? copy.array() : array;
        }

        int offset() {
            return writes > 1 ? 0 : offset;
        }

        int length() {
            return length;
        }
    }
}
