package dev.stacstream.cog.tiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.error.MalformedTiffException;
import dev.stacstream.cog.testing.TestCorpus;
import dev.stacstream.storage.CountingRangeReader;
import dev.stacstream.storage.InMemoryRangeReader;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TiffParserTest {

    static final Path FIXTURE = Path.of(System.getProperty("stacstream.root", "../.."))
            .resolve("test-data/cog/s2like_b04_uint16_deflate_pred2_tile256_1000x1000.tif").toAbsolutePath().normalize();

    private static CountingRangeReader reader(Path file) throws IOException {
        return new CountingRangeReader(new InMemoryRangeReader(file.toString(), Files.readAllBytes(file)));
    }

    @Test
    void aGdalCogHeaderCostsOneRequest() throws IOException {
        try (CountingRangeReader r = reader(FIXTURE)) {
            TiffStructure s = TiffParser.parse(r);
            assertThat(r.stats().requests()).isEqualTo(1);
            assertThat(s.headerRequests()).isEqualTo(1);
            assertThat(s.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
            assertThat(s.bigTiff()).isFalse();
            assertThat(s.ifds()).hasSize(3);
            assertThat(s.ifds().get(0).offset()).isLessThan(300); // COG rule: first IFD right after the ghost header
            assertThat(s.ghostMetadata()).containsEntry("LAYOUT", "IFDS_BEFORE_DATA");
        }
    }

    @ParameterizedTest(name = "{0}: {1}, bigtiff={2}, {3} IFDs")
    @CsvSource({
        "rasters/geotiff/async-tiff/BigTIFF.tif, LITTLE_ENDIAN, true, 1",
        "rasters/geotiff/async-tiff/minisblack-1c-16b.tiff, BIG_ENDIAN, false, 1",
        "rasters/geotiff/geotrellis/stitch-layer_3_6_28.tiff, BIG_ENDIAN, false, 5",
        "rasters/geotiff/rasterio/cogeo.tif, LITTLE_ENDIAN, false, 14",
    })
    void readsByteOrderBigTiffAndEveryIfd(String file, String order, boolean bigTiff, int ifds) throws IOException {
        Path path = TestCorpus.require().resolve(file);
        try (CountingRangeReader r = reader(path)) {
            TiffStructure s = TiffParser.parse(r);
            assertThat(s.byteOrder().toString()).isEqualTo(order);
            assertThat(s.bigTiff()).isEqualTo(bigTiff);
            assertThat(s.ifds()).hasSize(ifds);
        }
    }

    @Test
    void ifdsBeyondTheReadaheadCostOneMoreRequestEachWithDoublingReadahead() throws IOException {
        byte[] bytes = Files.readAllBytes(FIXTURE);
        try (CountingRangeReader r = new CountingRangeReader(new InMemoryRangeReader("mem://fixture", bytes))) {
            TiffStructure s = TiffParser.parse(r, 16);
            assertThat(s.ifds()).hasSize(3);
            assertThat(r.stats().requests()).isBetween(2L, 8L);
            assertThat(s.headerRequests()).isEqualTo((int) r.stats().requests());
        }
    }

    @Test
    void aFileShorterThanTheReadaheadStillParses() throws IOException {
        Path tiny = TestCorpus.require().resolve("rasters/geotiff/rasterio/float32.tif");
        try (CountingRangeReader r = reader(tiny)) {
            assertThat(TiffParser.parse(r).ifds()).hasSize(1);
            assertThat(r.stats().bytesReceived()).isEqualTo(Files.size(tiny));
        }
    }

    @Test
    void anIfdChainThatLoopsIsMalformed() throws IOException {
        byte[] bytes = Files.readAllBytes(FIXTURE);
        TiffStructure s = TiffParser.parse(new InMemoryRangeReader(bytes));
        Ifd last = s.ifds().get(2);
        int entries = (bytes[(int) last.offset()] & 0xff) | (bytes[(int) last.offset() + 1] & 0xff) << 8;
        int nextAt = (int) last.offset() + 2 + entries * 12;
        long first = s.ifds().get(0).offset();
        for (int i = 0; i < 4; i++) {
            bytes[nextAt + i] = (byte) (first >>> (8 * i));
        }
        assertThatThrownBy(() -> TiffParser.parse(new InMemoryRangeReader("mem://loop.tif", bytes)))
                .isInstanceOf(MalformedTiffException.class)
                .hasMessageContaining("mem://loop.tif").hasMessageContaining("IFD 3").hasMessageContaining("loops back");
    }

    @Test
    void aHeaderCutShortIsMalformedAndSaysSo() throws IOException {
        byte[] bytes = java.util.Arrays.copyOf(Files.readAllBytes(FIXTURE), 200);
        assertThatThrownBy(() -> TiffParser.parse(new InMemoryRangeReader("mem://cut.tif", bytes)))
                .isInstanceOf(MalformedTiffException.class)
                .hasMessageContaining("mem://cut.tif").hasMessageContaining("past the end of the file (200 bytes)");
    }
}
