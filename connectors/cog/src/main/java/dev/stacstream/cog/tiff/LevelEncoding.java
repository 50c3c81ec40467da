package dev.stacstream.cog.tiff;

import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.RasterLevel;
import java.io.Serializable;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How the blocks of one image (a level) are encoded and laid out, without the block offsets: everything
 * the decode stage needs once the block bytes are fetched. Small and {@link Serializable}, so a plan stage can
 * ship it with each block task while the IFD stays behind (STYLE E12: fetching and decoding are separate).
 */
public record LevelEncoding(
        int ifdIndex,
        int width,
        int height,
        int bands,
        int blockWidth,
        int blockHeight,
        boolean tiled,
        boolean planar,
        int bitsPerSample,
        int sampleFormat,
        int compression,
        int predictor,
        int photometric,
        boolean bigEndian,
        byte[] jpegTables,
        String unsupported) implements RasterLevel, Serializable {

    public LevelEncoding {
        Objects.requireNonNull(unsupported == null ? "" : unsupported);
    }

    @Override
    public DataType dataType() {
        return DataType.fromTiff(sampleFormat, bitsPerSample);
    }

    public ByteOrder byteOrder() {
        return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** Why this reader cannot decode the image, or empty when it can (codec availability is checked on decode). */
    public Optional<String> unsupportedReason() {
        return Optional.ofNullable(unsupported);
    }

    public boolean isPlanar() {
        return planar;
    }

    public boolean isTiled() {
        return tiled;
    }

    /** Separately stored planes: {@code bands()} when planar, else 1. */
    public int planes() {
        return planar ? bands : 1;
    }

    /** Samples stored per pixel in one block: 1 when planar, else {@code bands()}. */
    public int samplesPerBlockPixel() {
        return planar ? 1 : bands;
    }

    /** Rows of data in blocks of block row {@code blockRow}: tiles are full height, the last strip may be shorter. */
    public int rowsInBlock(int blockRow) {
        return tiled ? blockHeight : Math.min(blockHeight, height - blockRow * blockHeight);
    }

    /** The pixel window a block covers, clipped to the image. */
    public PixelWindow blockWindow(BlockRef ref) {
        int col = ref.blockCol() * blockWidth;
        int row = ref.blockRow() * blockHeight;
        return new PixelWindow(col, row, Math.min(blockWidth, width - col), Math.min(blockHeight, height - row));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LevelEncoding e && ifdIndex == e.ifdIndex && width == e.width && height == e.height
                && bands == e.bands && blockWidth == e.blockWidth && blockHeight == e.blockHeight && tiled == e.tiled
                && planar == e.planar && bitsPerSample == e.bitsPerSample && sampleFormat == e.sampleFormat
                && compression == e.compression && predictor == e.predictor && photometric == e.photometric
                && bigEndian == e.bigEndian && Arrays.equals(jpegTables, e.jpegTables)
                && Objects.equals(unsupported, e.unsupported);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ifdIndex, width, height, bands, blockWidth, blockHeight, compression, predictor);
    }

    @Override
    public String toString() {
        return "LevelEncoding[IFD " + ifdIndex + ", " + width + "x" + height + "x" + bands + " " + dataType() + ", "
                + (tiled ? "tiles " : "strips ") + blockWidth + "x" + blockHeight + ", compression " + compression
                + ", predictor " + predictor + (planar ? ", planar" : "") + (bigEndian ? ", big-endian" : "") + "]";
    }
}
