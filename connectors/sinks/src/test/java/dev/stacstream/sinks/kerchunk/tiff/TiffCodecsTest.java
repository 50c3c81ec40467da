package dev.stacstream.sinks.kerchunk.tiff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacstream.sinks.kerchunk.zarr.ZarrArray;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The zarr arrays of header variants, as tifffile's write_fsspec describes them: shape/chunks for chunky and planar
 * samples and strips, dtype byte order, compressor (JPEG with its tables) and predictor filters.
 */
class TiffCodecsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] TABLES = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "u16 deflate pred2 tiles;     1; false; true;  16; 1; 8;     2; 1; false; [512,512];   [256,256];"
                + "   <u2; {\"id\":\"zlib\"}; [{\"axis\":-1,\"dist\":1,\"dtype\":\"<u2\",\"id\":\"imagecodecs_delta\","
                + "\"shape\":[256,256]}]; 0",
        "u8 rgb chunky lzw pred2;     3; false; true;  8;  1; 5;     2; 2; false; [512,512,3]; [256,256,3];"
                + " |u1; {\"id\":\"imagecodecs_lzw\"}; [{\"axis\":-2,\"dist\":1,\"dtype\":\"|u1\",\"id\":"
                + "\"imagecodecs_delta\",\"shape\":[256,256,3]}]; 0",
        "f32 planar strips floatpred; 2; true;  false; 32; 3; 8;     3; 1; false; [2,512,512]; [1,16,512];"
                + "  <f4; {\"id\":\"zlib\"}; [{\"axis\":-1,\"dist\":1,\"dtype\":\"<f4\",\"id\":\"imagecodecs_floatpred\","
                + "\"shape\":[1,16,512]}]; 0.0",
        "i16 big-endian zstd;         1; false; true;  16; 2; 50000; 1; 1; true;  [512,512];   [256,256];"
                + "   >i2; {\"id\":\"imagecodecs_zstd\"}; null; -9999",
        "u8 ycbcr jpeg with tables;   3; false; true;  8;  1; 7;     1; 6; false; [512,512,3]; [256,256,3];"
                + " |u1; {\"id\":\"imagecodecs_jpeg\",\"tables\":\"/9j/2Q==\",\"header\":null,\"bitspersample\":8,"
                + "\"colorspace_jpeg\":null,\"colorspace_data\":2}; null; 0",
        "u8 uncompressed packbits;    1; false; true;  8;  1; 32773; 1; 1; false; [512,512];   [256,256];"
                + "   |u1; {\"id\":\"imagecodecs_packbits\"}; null; 0"})
    void arrays(String what, int samples, boolean planar, boolean tiled, int bits, int sampleFormat, int compression,
            int predictor, int photometric, boolean bigEndian, String shape, String chunks, String dtype,
            String compressor, String filters, String fill) throws IOException {
        double nodata = fill.equals("0") ? 0 : Double.parseDouble(fill);
        LevelLayout level = new LevelLayout(0, 512, 512, samples, planar, tiled, tiled ? 256 : 512, tiled ? 256 : 16,
                bits, true, sampleFormat, compression, predictor, photometric, 0, bigEndian,
                compression == 7 ? TABLES : null, nodata, new long[0], new long[0]);

        ZarrArray array = LevelArrays.array(level);

        assertThat(JSON.readTree(JSON.writeValueAsString(array.toJson()))).as(what).isEqualTo(JSON.readTree(
                "{\"chunks\":" + chunks + ",\"compressor\":" + compressor + ",\"dtype\":\"" + dtype + "\",\"fill_value\":"
                        + fill + ",\"filters\":" + filters + ",\"order\":\"C\",\"shape\":" + shape + ",\"zarr_format\":2}"));
    }

    @ParameterizedTest(name = "nodata {0} for {1}")
    @CsvSource({"NaN, 32, 3, \"NaN\"", "Infinity, 32, 3, \"Infinity\"", "-Infinity, 64, 3, \"-Infinity\"",
        "0.5, 16, 1, 0", "-1, 8, 1, 0", "70000, 16, 1, 0", "-32768, 16, 2, -32768", "255, 8, 1, 255"})
    void fillValues(double nodata, int bits, int sampleFormat, String expected) throws IOException {
        assertThat(LevelArrays.fillValue(dev.stacstream.cog.raster.DataType.fromTiff(sampleFormat, bits), nodata))
                .isEqualTo(JSON.readTree(expected));
    }
}
