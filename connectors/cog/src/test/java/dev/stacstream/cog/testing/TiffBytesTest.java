package dev.stacstream.cog.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class TiffBytesTest {

    @Test
    void walksTheIfdsOfAClassicTiff() {
        TiffBytes tiff = TiffBytes.read(TestCorpus.require().resolve("rasters/geotiff/rio-cogeo/cog_no_offest.tif"));

        List<TiffBytes.Directory> dirs = tiff.directories();

        assertThat(tiff.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(tiff.bigTiff()).isFalse();
        assertThat(dirs).hasSize(2);
        assertThat(tiff.value(dirs.get(0), TiffBytes.IMAGE_WIDTH, -1)).isEqualTo(512);
        assertThat(tiff.value(dirs.get(0), TiffBytes.TILE_WIDTH, -1)).isEqualTo(128);
        assertThat(tiff.values(dirs.get(0).entry(TiffBytes.TILE_OFFSETS))).hasSize(16);
        assertThat(tiff.value(dirs.get(1), TiffBytes.NEW_SUBFILE_TYPE, 0) & TiffBytes.REDUCED_RESOLUTION).isEqualTo(1);
        assertThat(tiff.value(dirs.get(0), TiffBytes.PREDICTOR, 1)).isEqualTo(1);
    }

    @Test
    void readsBigEndianAndBigTiffHeaders() {
        TestCorpus corpus = TestCorpus.require();
        TiffBytes bigEndian = TiffBytes.read(corpus.resolve("rasters/geotiff/async-tiff/minisblack-1c-16b.tiff"));
        TiffBytes bigTiff = TiffBytes.read(corpus.resolve("rasters/geotiff/async-tiff/BigTIFF.tif"));

        assertThat(bigEndian.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(bigEndian.value(bigEndian.directories().get(0), TiffBytes.IMAGE_WIDTH, -1)).isEqualTo(157);
        assertThat(bigTiff.bigTiff()).isTrue();
        assertThat(bigTiff.value(bigTiff.directories().get(0), TiffBytes.SAMPLES_PER_PIXEL, -1)).isEqualTo(3);
    }

    @Test
    void patchesValuesAndPointersInPlace() {
        TiffBytes tiff = TiffBytes.read(TestCorpus.require().resolve("rasters/geotiff/rio-cogeo/cog_no_offest.tif"));
        TiffBytes.Directory first = tiff.directories().get(0);

        tiff.putValue(first.entry(TiffBytes.COMPRESSION), 0, 34887);
        tiff.putValue(first.entry(TiffBytes.TILE_OFFSETS), 3, 123_456_789L);
        tiff.putPointer(first.nextPointerPosition(), 0);

        TiffBytes reread = TiffBytes.of(tiff.bytes());
        List<TiffBytes.Directory> dirs = reread.directories();
        assertThat(dirs).hasSize(1);
        assertThat(reread.value(dirs.get(0), TiffBytes.COMPRESSION, -1)).isEqualTo(34887);
        assertThat(reread.values(dirs.get(0).entry(TiffBytes.TILE_OFFSETS))[3]).isEqualTo(123_456_789L);
    }

    @Test
    void patchesTheEntryCountInTheIfdsOwnWidth() {
        TiffBytes classic = TiffBytes.read(TestCorpus.require().resolve("rasters/geotiff/rio-cogeo/cog_no_offest.tif"));
        TiffBytes big = TiffBytes.read(TestCorpus.require().resolve("rasters/geotiff/async-tiff/BigTIFF.tif"));
        TiffBytes.Directory classicIfd = classic.directories().get(0);
        TiffBytes.Directory bigIfd = big.directories().get(0);

        classic.putEntryCount(classicIfd, 0xfff0);
        big.putEntryCount(bigIfd, 0x1_0000_0000L);

        assertThat(ByteBuffer.wrap(classic.bytes()).order(ByteOrder.LITTLE_ENDIAN).getShort((int) classicIfd.offset()) & 0xffff)
                .isEqualTo(0xfff0);
        assertThat(ByteBuffer.wrap(big.bytes()).order(ByteOrder.LITTLE_ENDIAN).getLong((int) bigIfd.offset())).isEqualTo(0x1_0000_0000L);
    }

    @Test
    void stopsAtAnIfdLoop() {
        TiffBytes tiff = TiffBytes.read(TestCorpus.require().resolve("rasters/geotiff/rio-cogeo/cog_no_offest.tif"));
        TiffBytes.Directory first = tiff.directories().get(0);

        tiff.putPointer(first.nextPointerPosition(), first.offset());

        assertThat(tiff.directories()).hasSize(1);
    }
}
