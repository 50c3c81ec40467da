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
 */
public final class WindowDecoder {

    private final BlockDecoder decoder;
    private final boolean parallel;

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
     */
    public Raster decode(LevelEncoding encoding, PixelWindow window, List<BlockRef> refs, List<ByteBuffer> blockData,
            Double nodata, String uri) {
        if (refs.size() != blockData.size()) {
            throw new IllegalArgumentException(refs.size() + " blocks but " + blockData.size() + " buffers");
        }
        ErrorContext context = ErrorContext.of(uri);
        decoder.checkSupported(encoding, context);
        RasterAssembler assembler = new RasterAssembler(encoding, window);
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

    private byte[] decode(LevelEncoding encoding, BlockRef ref, ByteBuffer buf, ErrorContext context) {
        if (buf.hasArray()) {
            return decoder.decode(encoding, ref, buf.array(), buf.arrayOffset() + buf.position(), buf.remaining(), context);
        }
        byte[] src = new byte[buf.remaining()];
        buf.duplicate().get(src);
        return decoder.decode(encoding, ref, src, 0, src.length, context);
    }
}
