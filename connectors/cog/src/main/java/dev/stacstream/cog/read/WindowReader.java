package dev.stacstream.cog.read;

import dev.stacstream.cog.error.CogIoException;
import dev.stacstream.cog.error.ErrorContext;
import dev.stacstream.cog.error.MalformedTiffException;
import dev.stacstream.cog.plan.BlockPlanner;
import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.cog.tiff.HeaderCache;
import dev.stacstream.cog.tiff.ImageLayout;
import dev.stacstream.cog.tiff.LevelEncoding;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.TruncatedReadException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

/**
 * Reads a window of one image: plans the blocks, fetches those not already in the header cache with one
 * batched (coalesced) read, decodes them and assembles the raster. Blocking; the Flink job splits these
 * stages across async I/O and CPU operators instead.
 */
public final class WindowReader {

    private final RangeReader reader;
    private final HeaderCache headerCache;
    private final BlockDecoder decoder;
    private final ErrorContext context;

    public WindowReader(RangeReader reader, HeaderCache headerCache, BlockDecoder decoder) {
        this.reader = reader;
        this.headerCache = headerCache;
        this.decoder = decoder;
        this.context = ErrorContext.of(reader.uri());
    }

    public Raster read(ImageLayout layout, PixelWindow window, Double nodata) {
        LevelEncoding encoding = layout.encoding();
        decoder.checkSupported(encoding, context);
        List<BlockRef> refs = BlockPlanner.plan(layout, window);
        List<ByteBuffer> data = fetch(layout, refs);
        RasterAssembler assembler = new RasterAssembler(encoding, window);
        byte[] fill = NodataFill.sampleBytes(layout.dataType(), nodata);
        // Blocks cover disjoint parts of the raster, so they decode and copy in parallel (common pool).
        IntStream indices = IntStream.range(0, refs.size());
        (refs.size() > 1 ? indices.parallel() : indices).forEach(i -> {
            BlockRef ref = refs.get(i);
            if (ref.isSparse()) {
                assembler.fill(ref, fill);
            } else {
                assembler.put(ref, decode(encoding, ref, data.get(i)));
            }
        });
        return assembler.raster();
    }

    private byte[] decode(LevelEncoding layout, BlockRef ref, ByteBuffer buf) {
        if (buf.hasArray()) {
            return decoder.decode(layout, ref, buf.array(), buf.arrayOffset() + buf.position(), buf.remaining(), context);
        }
        byte[] src = new byte[buf.remaining()];
        buf.duplicate().get(src);
        return decoder.decode(layout, ref, src, 0, src.length, context);
    }

    /** The stored bytes of every non-sparse block, index-aligned with {@code refs} (null for sparse ones). */
    private List<ByteBuffer> fetch(ImageLayout layout, List<BlockRef> refs) {
        List<ByteBuffer> out = new ArrayList<>(refs.size());
        List<ByteRange> missing = new ArrayList<>();
        List<BlockRef> missingRefs = new ArrayList<>();
        List<Integer> missingAt = new ArrayList<>();
        for (BlockRef ref : refs) {
            if (ref.isSparse()) {
                out.add(null);
                continue;
            }
            ByteBuffer cached = headerCache.find(ref.range()).orElse(null);
            if (cached == null) {
                missing.add(ref.range());
                missingRefs.add(ref);
                missingAt.add(out.size());
            }
            out.add(cached);
        }
        if (missing.isEmpty()) {
            return out;
        }
        List<ByteBuffer> fetched;
        try {
            fetched = reader.readAll(missing).join();
        } catch (CompletionException e) {
            throw translate(layout, missingRefs, e.getCause() == null ? e : e.getCause());
        }
        for (int i = 0; i < fetched.size(); i++) {
            out.set(missingAt.get(i), fetched.get(i));
        }
        return out;
    }

    private RuntimeException translate(ImageLayout layout, List<BlockRef> refs, Throwable cause) {
        ErrorContext at = context.withIfd(layout.ifdIndex());
        if (cause instanceof StorageException se) {
            BlockRef block = blockOf(refs, se.range());
            if (block != null) {
                at = at.withBlock(block.index()).withRange(block.range());
            } else if (se.range() != null) {
                at = at.withRange(se.range());
            }
            if (se instanceof TruncatedReadException) {
                return new MalformedTiffException(at, "block data lies past the end of the file (truncated file"
                        + " or corrupt offset): " + failure(se), se);
            }
            return new CogIoException(at, "reading blocks failed: " + failure(se), se);
        }
        return new CogIoException(at, "reading " + refs.size() + " block range(s) failed: " + cause, cause);
    }

    /** The storage failure without the URI, which the error context already names. */
    private static String failure(StorageException se) {
        return se.attempts() > 1 ? se.detail() + " after " + se.attempts() + " attempts" : se.detail();
    }

    /**
     * The block a failed (possibly coalesced) request served: the last one overlapping the failed range, since
     * a request cut short loses its tail first. {@code null} when the range is unknown or matches none.
     */
    private static BlockRef blockOf(List<BlockRef> refs, ByteRange failed) {
        if (failed == null) {
            return null;
        }
        BlockRef last = null;
        for (BlockRef ref : refs) {
            if (ref.range().offset() < failed.end() && failed.offset() < ref.range().end()) {
                last = ref;
            }
        }
        return last;
    }
}
