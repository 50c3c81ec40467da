package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.cog.testing.Libdeflate;
import dev.stacstream.cog.testing.StoredBlocks;
import dev.stacstream.cog.testing.StoredBlocks.StoredBlock;
import dev.stacstream.cog.testing.TestCorpus;
import dev.stacstream.cog.testing.matrix.TiffMatrix;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * libdeflate and the JDK's zlib inflate every DEFLATE block of the shared corpus and of the generated TIFF
 * matrix to the same bytes. libdeflate decodes into one scratch array reused across all blocks of a file, as
 * the window decoder does, so stale bytes from a previous block would show.
 */
class InflaterEquivalenceTest {

    /** The corpus has DEFLATE files from GDAL, rasterio, rio-tiler, rio-cogeo, GeoTrellis and the Sentinel-2 scene. */
    private static final int MIN_CORPUS_DEFLATE_FILES = 10;

    static Stream<String> corpusDeflateFiles() {
        TestCorpus corpus = TestCorpus.require();
        return corpus.tiffs().stream().filter(f -> StoredBlocks.hasDeflate(corpus.resolve(f)));
    }

    static Stream<TiffMatrix.MatrixFile> matrixDeflateFiles() {
        return TiffMatrix.shared().files().stream().filter(f -> StoredBlocks.hasDeflate(f.path()));
    }

    @Test
    void theCorpusHasDeflateFilesToCompare() {
        assertThat(corpusDeflateFiles()).hasSizeGreaterThanOrEqualTo(MIN_CORPUS_DEFLATE_FILES)
                .contains("rasters/sentinel2/S2A_29RKH_20200219_0_L2A/B04.tif");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusDeflateFiles")
    void corpusBlocksInflateIdentically(String file) {
        assertInflateIdentically(TestCorpus.require().resolve(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrixDeflateFiles")
    void matrixBlocksInflateIdentically(TiffMatrix.MatrixFile file) {
        assertInflateIdentically(file.path());
    }

    private static void assertInflateIdentically(Path file) {
        Decompressor zlib = Inflaters.jdk();
        Decompressor libdeflate = Libdeflate.require();
        List<StoredBlock> blocks = StoredBlocks.deflateBlocks(file);
        assertThat(blocks).as("DEFLATE blocks of %s", file).isNotEmpty();
        byte[] scratch = null;
        for (StoredBlock block : blocks) {
            byte[] bytes = block.bytes();
            int size = block.encoding().decodedBytes();
            byte[] expected = zlib.decompress(bytes, 0, bytes.length, block.encoding());

            byte[] decoded = libdeflate.decompress(bytes, 0, bytes.length, block.encoding(), scratch);

            assertThat(decoded.length).as("%s: array length", block.name()).isGreaterThanOrEqualTo(size);
            assertThat(Arrays.mismatch(decoded, 0, size, expected, 0, size))
                    .as("%s: first byte where libdeflate differs from zlib", block.name()).isEqualTo(-1);
            scratch = decoded;
        }
    }
}
