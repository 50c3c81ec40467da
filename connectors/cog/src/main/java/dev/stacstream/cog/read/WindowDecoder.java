package dev.stacstream.cog.read;

import dev.stacstream.cog.error.ErrorContext;
import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.cog.tiff.LevelEncoding;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The CPU half of a window read: given the fetched bytes of the blocks a window needs, decodes them and
 * assembles the window's raster. No I/O; the caller fetched {@code blockData} (e.g. in an async operator).
 *
 * <p>Thread-safe. Each decoding thread decodes its blocks into its own scratch array (thread-local, grown to
 * the largest block it has seen) before they are copied into the raster, so steady-state decoding allocates no
 * block arrays; with {@link #decode(LevelEncoding, PixelWindow, List, List, Double, String, Raster)} it
 * allocates no raster either.
 */
public final class WindowDecoder {

    private final BlockDecoder decoder;
    private final boolean parallel;
    /** The array the last block of each thread was decoded into; its contents are dead once copied. */
    private final ThreadLocal<byte[]> blockScratch = new ThreadLocal<>();

    /**
     * @param parallel decode a window's blocks on the common fork-join pool (for the CLI); a Flink task
     *     already runs one decode per slot and passes {@code false}
     */
    public WindowDecoder(BlockDecoder decoder, boolean parallel) {
        this.decoder = decoder;
        this.parallel = parallel;
    }

    /**
     * @param refs the blocks covering {@code window}, as planned by {@code BlockPlanner}
     * @param blockData the stored bytes of each block, index-aligned with {@code refs} ({@code null} for sparse blocks)
     * @param nodata the value sparse blocks read as, or {@code null} for zero
     * @param uri the file, for error messages
     * @return a new raster
     */
    public Raster decode(LevelEncoding encoding, PixelWindow window, List<BlockRef> refs, List<ByteBuffer> blockData,
            Double nodata, String uri) {
        return decode(encoding, window, refs, blockData, nodata, uri, null);
    }

    /**
     * Decodes as {@link #decode(LevelEncoding, PixelWindow, List, List, Double, String)} does, into {@code reuse}
     * when it has the window's shape ({@code encoding.dataType()}, {@code encoding.bands()}, the window's width
     * and height): every sample of it is overwritten. Otherwise into a new raster, which the caller can keep
     * to pass as {@code reuse} next time ({@link dev.stacstream.cog.raster.RasterPool} keeps one per shape).
     *
     * @param reuse a raster whose pixels the caller no longer needs, or {@code null}
     * @return {@code reuse}, or a new raster when it is {@code null} or has another shape
     */
    public Raster decode(LevelEncoding encoding, PixelWindow window, List<BlockRef> refs, List<ByteBuffer> blockData,
            Double nodata, String uri, Raster reuse) {
        if (refs.size() != blockData.size()) {
            throw new IllegalArgumentException(refs.size() + " blocks but " + blockData.size() + " buffers");
        }
        ErrorContext context = ErrorContext.of(uri);
        decoder.checkSupported(encoding, context);
        RasterAssembler assembler = new RasterAssembler(encoding, window, refs, reuse);
        byte[] fill = NodataFill.sampleBytes(encoding.dataType(), nodata);
        // Blocks cover disjoint parts of the raster, so they can decode and copy concurrently.
        IntStream indices = IntStream.range(0, refs.size());
        (parallel && refs.size() > 1 ? indices.parallel() : indices).forEach(i -> {
            BlockRef ref = refs.get(i);
            if (ref.isSparse()) {
                assembler.fill(ref, fill);
            } else {
                assembler.put(ref, decode(encoding, ref, blockData.get(i), context));
            }
        });
        return assembler.raster();
    }

    /** Decodes into this thread's scratch array, and keeps a larger array a codec returned as the next scratch. */
    private byte[] decode(LevelEncoding encoding, BlockRef ref, ByteBuffer buf, ErrorContext context) {
        byte[] scratch = blockScratch.get();
        byte[] block;
        if (buf.hasArray()) {
            block = decoder.decode(encoding, ref, buf.array(), buf.arrayOffset() + buf.position(), buf.remaining(),
                    context, scratch);
        } else {
            byte[] src = new byte[buf.remaining()];
            buf.duplicate().get(src);
            block = decoder.decode(encoding, ref, src, 0, src.length, context, scratch);
        }
        if (scratch == null || block.length > scratch.length) {
            blockScratch.set(block);
        }
        return block;
    }
}
