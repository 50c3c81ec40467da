package dev.stacstream.sinks.kerchunk.tiff;

import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.tiff.ImageLayout;
import dev.stacstream.cog.tiff.TiffField;
import dev.stacstream.cog.tiff.TiffTag;
import java.io.Serializable;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * What references to one TIFF image (a resolution level) need from its parsed header: size, sample layout,
 * encoding, the block grid with every block's stored byte range, and GDAL_NODATA. Taken from an
 * {@link ImageLayout} without any further read, and {@link Serializable} so it can travel with a record.
 *
 * @param uniformBits whether every sample has {@code bitsPerSample} bits
 * @param extraSamples number of ExtraSamples (alpha and the like)
 * @param jpegTables JPEGTables, or {@code null}
 * @param nodata GDAL_NODATA, or {@code null}
 * @param offsets stored offset of each block (0 for a sparse block), in TIFF block order
 * @param byteCounts stored byte count of each block (0 for a sparse block)
 */
public record LevelLayout(int ifdIndex, int width, int height, int samples, boolean planar, boolean tiled,
        int blockWidth, int blockHeight, int bitsPerSample, boolean uniformBits, int sampleFormat, int compression,
        int predictor, int photometric, int extraSamples, boolean bigEndian, byte[] jpegTables, Double nodata,
        long[] offsets, long[] byteCounts) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies what references need out of a parsed image. */
    public static LevelLayout of(ImageLayout image) {
        int blocks = image.blockCount();
        long[] offsets = new long[blocks];
        long[] counts = new long[blocks];
        for (int i = 0; i < blocks; i++) {
            offsets[i] = image.blockOffset(i);
            counts[i] = image.blockByteCount(i);
        }
        boolean uniform = image.ifd().field(TiffTag.BITS_PER_SAMPLE).map(TiffField::longValues)
                .map(bits -> Arrays.stream(bits).allMatch(b -> b == bits[0])).orElse(true);
        int extra = image.ifd().field(TiffTag.EXTRA_SAMPLES).map(f -> f.longValues().length).orElse(0);
        OptionalDouble nodata = image.gdalMetadata().nodata();
        return new LevelLayout(image.ifdIndex(), image.width(), image.height(), image.bands(), image.isPlanar(),
                image.isTiled(), image.blockWidth(), image.blockHeight(), image.bitsPerSample(), uniform,
                image.sampleFormat(), image.compression(), image.predictor(), image.photometric(), extra,
                image.byteOrder() == ByteOrder.BIG_ENDIAN, image.jpegTables(),
                nodata.isPresent() ? nodata.getAsDouble() : null, offsets, counts);
    }

    /** The sample type, or {@code null} when numpy has no dtype for it. */
    public DataType dataType() {
        return uniformBits ? DataType.fromTiff(sampleFormat, bitsPerSample) : null;
    }

    public ByteOrder byteOrder() {
        return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** Whether the samples of a pixel are stored together (and there is more than one). */
    public boolean chunkyMultiSample() {
        return !planar && samples > 1;
    }

    /** Number of blocks in all planes. */
    public int blockCount() {
        return offsets.length;
    }

    /** Whether block {@code index} is absent from the file (TIFF sparse block: offset or byte count 0). */
    public boolean isSparse(int index) {
        return offsets[index] == 0 || byteCounts[index] == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LevelLayout l && ifdIndex == l.ifdIndex && width == l.width && height == l.height
                && samples == l.samples && planar == l.planar && tiled == l.tiled && blockWidth == l.blockWidth
                && blockHeight == l.blockHeight && bitsPerSample == l.bitsPerSample && uniformBits == l.uniformBits
                && sampleFormat == l.sampleFormat && compression == l.compression && predictor == l.predictor
                && photometric == l.photometric && extraSamples == l.extraSamples && bigEndian == l.bigEndian
                && Arrays.equals(jpegTables, l.jpegTables) && java.util.Objects.equals(nodata, l.nodata)
                && Arrays.equals(offsets, l.offsets) && Arrays.equals(byteCounts, l.byteCounts);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(ifdIndex, width, height, samples, compression, Arrays.hashCode(offsets));
    }

    @Override
    public String toString() {
        return "LevelLayout[IFD " + ifdIndex + ", " + width + "x" + height + "x" + samples + ", "
                + (tiled ? "tiles " : "strips ") + blockWidth + "x" + blockHeight + ", compression " + compression
                + ", predictor " + predictor + (planar ? ", planar" : "") + ", " + offsets.length + " blocks]";
    }
}
