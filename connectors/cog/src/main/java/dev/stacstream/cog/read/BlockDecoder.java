package dev.stacstream.cog.read;

import dev.stacstream.cog.codec.BlockEncoding;
import dev.stacstream.cog.codec.CodecException;
import dev.stacstream.cog.codec.Decompressor;
import dev.stacstream.cog.codec.DecompressorRegistry;
import dev.stacstream.cog.codec.Predictors;
import dev.stacstream.cog.error.ErrorContext;
import dev.stacstream.cog.error.MalformedTiffException;
import dev.stacstream.cog.error.UnsupportedTiffException;
import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.cog.tiff.Compressions;
import dev.stacstream.cog.tiff.LevelEncoding;
import java.nio.ByteOrder;

/**
 * Turns one block's stored bytes into its samples: decompress, undo the predictor, then convert to
 * little-endian. CPU-only, stateless and thread-safe; fetching is a separate stage.
 */
public final class BlockDecoder {

    private final DecompressorRegistry registry;

    public BlockDecoder(DecompressorRegistry registry) {
        this.registry = registry;
    }

    public static BlockDecoder defaults() {
        return new BlockDecoder(DecompressorRegistry.defaults());
    }

    /** Fails with an unsupported error when this decoder cannot decode the image at all. */
    public void checkSupported(LevelEncoding layout, ErrorContext context) {
        layout.unsupportedReason().ifPresent(reason -> {
            throw new UnsupportedTiffException(context.withIfd(layout.ifdIndex()), "unsupported image: " + reason);
        });
        decompressor(layout, context);
        if (layout.compression() != Compressions.JPEG && layout.predictor() != 1 && layout.predictor() != 2
                && layout.predictor() != 3) {
            throw new UnsupportedTiffException(context.withIfd(layout.ifdIndex()),
                    "unsupported predictor " + layout.predictor());
        }
    }

    /** How block {@code ref} is encoded. */
    public static BlockEncoding encoding(LevelEncoding layout, BlockRef ref) {
        return new BlockEncoding(layout.compression(), layout.blockWidth(), layout.rowsInBlock(ref.blockRow()),
                layout.samplesPerBlockPixel(), layout.bitsPerSample(), layout.photometric(), layout.jpegTables(),
                layout.byteOrder());
    }

    /**
     * Decodes one block to little-endian samples laid out as stored (chunky pixels, row-major,
     * {@code encoding.width()} pixels per row), into a new array of exactly the block's size.
     */
    public byte[] decode(LevelEncoding layout, BlockRef ref, byte[] src, int offset, int length, ErrorContext context) {
        return decode(layout, ref, src, offset, length, context, null);
    }

    /**
     * Decodes one block as {@link #decode(LevelEncoding, BlockRef, byte[], int, int, ErrorContext)} does, into
     * {@code scratch} when it is long enough and the codec can decode into a given array (DEFLATE can; see
     * {@link Decompressor#decompress(byte[], int, int, BlockEncoding, byte[])}).
     *
     * @param scratch an array whose contents the caller no longer needs, or {@code null}
     * @return {@code scratch} or a new array, holding the block in its first
     *     {@code encoding(layout, ref).decodedBytes()} bytes
     */
    public byte[] decode(LevelEncoding layout, BlockRef ref, byte[] src, int offset, int length, ErrorContext context,
            byte[] scratch) {
        ErrorContext at = context.withIfd(layout.ifdIndex()).withBlock(ref.index()).withRange(ref.range());
        BlockEncoding encoding = encoding(layout, ref);
        byte[] samples;
        try {
            samples = decompressor(layout, context).decompress(src, offset, length, encoding, scratch);
            if (samples.length < encoding.decodedBytes()) {
                throw CodecException.corrupt("decoded " + samples.length + " bytes, the block needs "
                        + encoding.decodedBytes());
            }
            if (layout.compression() != Compressions.JPEG) {
                Predictors.undo(layout.predictor(), samples, encoding);
            }
        } catch (CodecException e) {
            String codec = DecompressorRegistry.compressionName(layout.compression());
            if (e.isUnsupported()) {
                throw new UnsupportedTiffException(at, codec + " block: " + e.getMessage(), e);
            }
            throw new MalformedTiffException(at, codec + " block does not decode: " + e.getMessage(), e);
        }
        if (layout.byteOrder() == ByteOrder.BIG_ENDIAN && layout.compression() != Compressions.JPEG) {
            ByteSwap.toLittleEndian(samples, encoding.decodedBytes(), layout.bitsPerSample() / Byte.SIZE);
        }
        return samples;
    }

    private Decompressor decompressor(LevelEncoding layout, ErrorContext context) {
        return registry.find(layout.compression()).orElseThrow(() -> new UnsupportedTiffException(
                context.withIfd(layout.ifdIndex()), "unsupported compression " + layout.compression() + " ("
                        + DecompressorRegistry.compressionName(layout.compression()) + ")"));
    }
}
