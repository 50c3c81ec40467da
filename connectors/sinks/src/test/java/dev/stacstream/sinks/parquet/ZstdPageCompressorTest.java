package dev.stacstream.sinks.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.bytes.BytesInput;
import org.junit.jupiter.api.Test;

/** Pages compress to zstd frames that decompress to the same bytes, in one array or in pieces, across batches. */
class ZstdPageCompressorTest {

    private static final byte[] PAGE = "grid_stats,".repeat(5_000).getBytes(StandardCharsets.US_ASCII);

    @Test
    void aPageInOneArrayOrInPiecesRoundTrips() throws IOException {
        ZstdPageCompressor compressor = new ZstdPageCompressor(FileLayout.ZSTD_LEVEL);
        int half = PAGE.length / 2;

        byte[] whole = compressor.compress(BytesInput.from(PAGE, 0, PAGE.length)).toByteArray();
        byte[] pieces = compressor.compress(BytesInput.concat(BytesInput.from(PAGE, 0, half),
                BytesInput.from(PAGE, half, PAGE.length - half))).toByteArray();
        compressor.endBatch();
        byte[] nextBatch = compressor.compress(BytesInput.from(PAGE, 7, 100)).toByteArray();
        compressor.release();

        assertThat(whole.length).isLessThan(PAGE.length / 10);
        assertThat(Zstd.decompress(whole, PAGE.length)).isEqualTo(PAGE);
        assertThat(Zstd.decompress(pieces, PAGE.length)).isEqualTo(PAGE);
        assertThat(Zstd.decompress(nextBatch, 100)).isEqualTo(java.util.Arrays.copyOfRange(PAGE, 7, 107));
    }
}
