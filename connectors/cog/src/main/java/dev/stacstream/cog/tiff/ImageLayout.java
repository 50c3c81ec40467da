package dev.stacstream.cog.tiff;

import dev.stacstream.cog.error.ErrorContext;
import dev.stacstream.cog.error.MalformedTiffException;
import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.RasterLevel;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * An IFD interpreted as an image: size, sample layout, encoding and the block (tile or strip) grid with
 * each block's stored byte range. Values that make the image undecodable by this reader (e.g. 1-bit
 * samples) do not fail construction: {@link #unsupportedReason()} names them, so {@code inspect} can still
 * describe the IFD.
 */
public final class ImageLayout implements RasterLevel {

    /** TIFF default RowsPerStrip: "the whole image is one strip". */
    private static final long ROWS_PER_STRIP_DEFAULT = 0xffffffffL;

    private final Ifd ifd;
    private final ByteOrder byteOrder;
    private final int width;
    private final int height;
    private final int samplesPerPixel;
    private final int bitsPerSample;
    private final boolean uniformBits;
    private final int sampleFormat;
    private final int compression;
    private final int predictor;
    private final int planarConfiguration;
    private final int photometric;
    private final int subfileType;
    private final boolean tiled;
    private final int blockWidth;
    private final int blockHeight;
    private final long[] offsets;
    private final long[] byteCounts;
    private final byte[] jpegTables;
    private final GdalMetadata gdalMetadata;

    private ImageLayout(Ifd ifd, ByteOrder byteOrder, String uri) {
        this.ifd = ifd;
        this.byteOrder = byteOrder;
        ErrorContext ctx = ErrorContext.of(uri).withIfd(ifd.index());
        this.width = (int) required(ifd, TiffTag.IMAGE_WIDTH, ctx);
        this.height = (int) required(ifd, TiffTag.IMAGE_LENGTH, ctx);
        if (width <= 0 || height <= 0) {
            throw new MalformedTiffException(ctx, "image size " + width + "x" + height + " is not positive");
        }
        this.samplesPerPixel = (int) ifd.longOr(TiffTag.SAMPLES_PER_PIXEL, 1);
        long[] bits = ifd.field(TiffTag.BITS_PER_SAMPLE).map(TiffField::longValues).orElse(new long[] {1});
        this.bitsPerSample = (int) bits[0];
        boolean same = true;
        for (long b : bits) {
            same &= b == bits[0];
        }
        this.uniformBits = same;
        this.sampleFormat = (int) ifd.longOr(TiffTag.SAMPLE_FORMAT, DataType.SAMPLE_FORMAT_UINT);
        this.compression = (int) ifd.longOr(TiffTag.COMPRESSION, 1);
        this.predictor = (int) ifd.longOr(TiffTag.PREDICTOR, 1);
        this.planarConfiguration = (int) ifd.longOr(TiffTag.PLANAR_CONFIGURATION, TiffTag.PLANAR_CHUNKY);
        this.photometric = (int) ifd.longOr(TiffTag.PHOTOMETRIC, TiffTag.PHOTOMETRIC_MIN_IS_BLACK);
        this.subfileType = (int) ifd.longOr(TiffTag.NEW_SUBFILE_TYPE, 0);
        this.tiled = ifd.has(TiffTag.TILE_WIDTH) || ifd.has(TiffTag.TILE_OFFSETS);
        if (tiled) {
            this.blockWidth = (int) required(ifd, TiffTag.TILE_WIDTH, ctx);
            this.blockHeight = (int) required(ifd, TiffTag.TILE_LENGTH, ctx);
            this.offsets = requiredArray(ifd, TiffTag.TILE_OFFSETS, ctx);
            this.byteCounts = requiredArray(ifd, TiffTag.TILE_BYTE_COUNTS, ctx);
        } else {
            this.blockWidth = width;
            long rps = ifd.longOr(TiffTag.ROWS_PER_STRIP, ROWS_PER_STRIP_DEFAULT);
            this.blockHeight = (int) Math.min(rps <= 0 ? height : rps, height);
            this.offsets = requiredArray(ifd, TiffTag.STRIP_OFFSETS, ctx);
            this.byteCounts = requiredArray(ifd, TiffTag.STRIP_BYTE_COUNTS, ctx);
        }
        if (blockWidth <= 0 || blockHeight <= 0) {
            throw new MalformedTiffException(ctx, "block size " + blockWidth + "x" + blockHeight + " is not positive");
        }
        long expected = (long) blocksAcross() * blocksDown() * planes();
        if (offsets.length < expected || byteCounts.length < expected) {
            throw new MalformedTiffException(ctx, String.format("%s lists %d offsets and %d byte counts, but a %dx%d"
                    + " image in %dx%d blocks with %d plane(s) needs %d", tiled ? "TileOffsets" : "StripOffsets",
                    offsets.length, byteCounts.length, width, height, blockWidth, blockHeight, planes(), expected));
        }
        this.jpegTables = ifd.field(TiffTag.JPEG_TABLES).map(TiffField::bytes).orElse(null);
        this.gdalMetadata = GdalMetadata.from(ifd);
    }

    /** Interprets {@code ifd}; fails with a malformed error when required tags are missing or inconsistent. */
    public static ImageLayout of(Ifd ifd, ByteOrder byteOrder, String uri) {
        return new ImageLayout(ifd, byteOrder, uri);
    }

    private static long required(Ifd ifd, int tag, ErrorContext ctx) {
        return ifd.field(tag).filter(f -> f.longs() != null && f.longs().length > 0).map(TiffField::longValue)
                .orElseThrow(() -> new MalformedTiffException(ctx, "required tag " + TiffTag.describe(tag) + " is missing"));
    }

    private static long[] requiredArray(Ifd ifd, int tag, ErrorContext ctx) {
        return ifd.field(tag).filter(f -> f.longs() != null).map(TiffField::longValues)
                .orElseThrow(() -> new MalformedTiffException(ctx, "required tag " + TiffTag.describe(tag) + " is missing"));
    }

    /** The serializable encoding of this image's blocks (no offsets), for the decode stage. */
    public LevelEncoding encoding() {
        return new LevelEncoding(ifd.index(), width, height, samplesPerPixel, blockWidth, blockHeight, tiled, isPlanar(),
                bitsPerSample, sampleFormat, compression, predictor, photometric, byteOrder == ByteOrder.BIG_ENDIAN,
                jpegTables, unsupportedReason().orElse(null));
    }

    /** Why this reader cannot decode the image, or empty when it can (codec availability is checked on read). */
    public Optional<String> unsupportedReason() {
        if (!uniformBits) {
            return Optional.of("samples of different bit depths in one image");
        }
        if (dataType() == null) {
            return Optional.of(String.format("%d-bit samples with SampleFormat %d", bitsPerSample, sampleFormat));
        }
        if (photometric == TiffTag.PHOTOMETRIC_YCBCR && compression != Compressions.JPEG) {
            return Optional.of("YCbCr photometric without JPEG compression (subsampled YCbCr)");
        }
        if (compression == Compressions.JPEG && bitsPerSample != Byte.SIZE) {
            return Optional.of(bitsPerSample + "-bit JPEG");
        }
        return Optional.empty();
    }

    public Ifd ifd() {
        return ifd;
    }

    public int ifdIndex() {
        return ifd.index();
    }

    public ByteOrder byteOrder() {
        return byteOrder;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int bands() {
        return samplesPerPixel;
    }

    /** The sample type, or {@code null} when it is one this reader does not decode. */
    @Override
    public DataType dataType() {
        return uniformBits ? DataType.fromTiff(sampleFormat, bitsPerSample) : null;
    }

    @Override
    public int blockWidth() {
        return blockWidth;
    }

    @Override
    public int blockHeight() {
        return blockHeight;
    }

    public int bitsPerSample() {
        return bitsPerSample;
    }

    public int sampleFormat() {
        return sampleFormat;
    }

    public int compression() {
        return compression;
    }

    public int predictor() {
        return predictor;
    }

    public int photometric() {
        return photometric;
    }

    public int subfileType() {
        return subfileType;
    }

    public boolean isTiled() {
        return tiled;
    }

    public boolean isPlanar() {
        return planarConfiguration == TiffTag.PLANAR_SEPARATE && samplesPerPixel > 1;
    }

    public int planarConfiguration() {
        return planarConfiguration;
    }

    /** A reduced-resolution image (an overview). */
    public boolean isOverview() {
        return (subfileType & TiffTag.SUBFILE_REDUCED_RESOLUTION) != 0;
    }

    /** A transparency mask. */
    public boolean isMask() {
        return (subfileType & TiffTag.SUBFILE_MASK) != 0;
    }

    public byte[] jpegTables() {
        return jpegTables;
    }

    public GdalMetadata gdalMetadata() {
        return gdalMetadata;
    }

    /** Separately stored planes: {@code bands()} when planar, else 1. */
    public int planes() {
        return isPlanar() ? samplesPerPixel : 1;
    }

    /** Samples stored per pixel in one block: 1 when planar, else {@code bands()}. */
    public int samplesPerBlockPixel() {
        return isPlanar() ? 1 : samplesPerPixel;
    }

    public int blocksAcross() {
        return tiled ? ceilDiv(width, blockWidth) : 1;
    }

    public int blocksDown() {
        return ceilDiv(height, blockHeight);
    }

    public int blocksPerPlane() {
        return blocksAcross() * blocksDown();
    }

    /** Number of blocks in all planes. */
    public int blockCount() {
        return blocksPerPlane() * planes();
    }

    /** Stored offset of block {@code index} (0 for a sparse block). */
    public long blockOffset(int index) {
        return offsets[index];
    }

    /** Stored byte count of block {@code index} (0 for a sparse block). */
    public long blockByteCount(int index) {
        return byteCounts[index];
    }

    /** Rows of pixel data in the block at block row {@code blockRow}: tiles are always full height, the last strip may be shorter. */
    public int rowsInBlock(int blockRow) {
        if (tiled) {
            return blockHeight;
        }
        return Math.min(blockHeight, height - blockRow * blockHeight);
    }

    private static int ceilDiv(int a, int b) {
        return (int) (((long) a + b - 1) / b);
    }
}
