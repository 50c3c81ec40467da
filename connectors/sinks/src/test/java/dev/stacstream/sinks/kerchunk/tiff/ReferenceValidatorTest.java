package dev.stacstream.sinks.kerchunk.tiff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What cannot be expressed as references, and the reasons given (spec §2.1), over a table of header variants. */
class ReferenceValidatorTest {

    private static final int PREDICTOR_NONE = 1;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "OK", value = {
        "tiled deflate;        true;  100; 16; 1; 8;     1; 1; OK",
        "complete strips;      false; 100; 16; 1; 8;     1; 1; OK",
        "incomplete strips;    false; 101; 16; 1; 8;     1; 1; incomplete chunks are not supported by the fsspec"
                + " ReferenceFileSystem: ImageLength 101 is not a multiple of RowsPerStrip 10",
        "CCITT group 4;        true;  100; 8;  1; 4;     1; 1; compression 4 (CCITT Group 4) is not supported by the"
                + " fsspec ReferenceFileSystem",
        "unknown compression;  true;  100; 8;  1; 65000; 1; 1; compression 65000 (unknown) is not supported by the"
                + " fsspec ReferenceFileSystem",
        "12-bit samples;       true;  100; 12; 1; 1;     1; 1; 12-bit samples with SampleFormat 1 are not supported by"
                + " the fsspec ReferenceFileSystem",
        "complex int samples;  true;  100; 32; 5; 1;     1; 1; 32-bit samples with SampleFormat 5 are not supported by"
                + " the fsspec ReferenceFileSystem",
        "predictor 5;          true;  100; 16; 1; 8;     5; 1; predictor 5 is not supported by the fsspec"
                + " ReferenceFileSystem",
        "16-bit JPEG;          true;  100; 16; 1; 7;     1; 1; 16-bit JPEG is not supported by the fsspec"
                + " ReferenceFileSystem",
        "YCbCr without JPEG;   true;  100; 8;  1; 8;     1; 6; YCbCr subsampling without JPEG compression is not"
                + " supported by the fsspec ReferenceFileSystem"})
    void reasons(String what, boolean tiled, int height, int bits, int sampleFormat, int compression, int predictor,
            int photometric, String reason) {
        LevelLayout level = new LevelLayout(0, 40, height, 1, false, tiled, tiled ? 16 : 40, tiled ? 16 : 10, bits,
                true, sampleFormat, compression, predictor, photometric, 0, false, null, null, new long[0],
                new long[0]);

        assertThat(ReferenceValidator.check(level).orElse(null)).as(what).isEqualTo(reason);
    }

    @ParameterizedTest(name = "compression {0}")
    @CsvSource({"1", "5", "7", "8", "32773", "32946", "34887", "34925", "50000", "50001", "50002", "50013"})
    void tifffilesCodecsAreAccepted(int compression) {
        LevelLayout level = new LevelLayout(0, 32, 32, 1, false, true, 16, 16, 8, true, 1, compression, PREDICTOR_NONE, 1, 0,
                false, null, null, new long[0], new long[0]);

        assertThat(ReferenceValidator.check(level)).as("compression %d", compression).isEmpty();
    }
}
