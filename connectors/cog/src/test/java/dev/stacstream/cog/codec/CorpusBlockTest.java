package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decodes the first block of third-party fixtures from the shared corpus (written by other libraries than
 * GDAL: image-rs/image-tiff via async-tiff) and compares it with GDAL's decode of the same file.
 */
class CorpusBlockTest {

    private static final String CORPUS_DIR = "test-corpus/rasters/geotiff/async-tiff";

    @TempDir
    static Path dir;

    @BeforeAll
    static void requireGdal() {
        GdalTool.assumeInstalled();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file,                    compression, predictor, bits, samples, photometric, width, rows, tolerance
        "quad-tile.jpg.tiff,        7,           1,         8,    3,       6,           128,   128,  2",
        "predictor-3-gray-f32.tif,  5,           3,         32,   1,       1,           200,   200,  0",
        "int16_zstd.tif,            50000,       1,         16,   1,       1,           64,    64,   0",
        "issue_69_packbits.tiff,    32773,       1,         16,   1,       1,           45,    45,   0",
    })
    void firstBlockMatchesGdal(String file, int compression, int predictor, int bits, int samples,
            int photometric, int width, int rows, int tolerance) {
        Path tiff = corpusFile(file);
        GdalTool.StoredBlock stored = GdalTool.firstBlock(tiff);
        BlockEncoding enc = new BlockEncoding(compression, width, rows, samples, bits, photometric,
                stored.jpegTables(), ByteOrder.LITTLE_ENDIAN);

        byte[] block = DecompressorRegistry.defaults().find(compression).orElseThrow()
                .decompress(stored.bytes(), 0, stored.bytes().length, enc);
        Predictors.undo(predictor, block, enc);

        GdalSamples.assertMatches(block, GdalTool.pixels(tiff, 0, 0, width, rows, dir), tolerance);
    }

    private static Path corpusFile(String name) {
        String shared = System.getProperty("stacstream.shared");
        assertThat(shared).as("system property stacstream.shared (set by surefire)").isNotBlank();
        Path file = Path.of(shared, CORPUS_DIR, name);
        assertThat(Files.isRegularFile(file)).as("corpus file %s", file).isTrue();
        return file;
    }
}
