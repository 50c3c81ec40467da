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
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.TruncatedReadException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Reads a window of one image: plans the blocks, fetches those not already in the header cache with one
 * batched (coalesced) read, decodes them and assembles the raster. Blocking; the Flink job splits these
 * stages across async I/O and CPU operators instead.
 */
public final class WindowReader {

    private final RangeReader reader;
    private final HeaderCache headerCache;
    private final BlockDecoder decoder;
    private final WindowDecoder windowDecoder;
    private final ErrorContext context;

    public WindowReader(RangeReader reader, HeaderCache headerCache, BlockDecoder decoder) {
        this.reader = reader;
        this.headerCache = headerCache;
        this.decoder = decoder;
        this.windowDecoder = new WindowDecoder(decoder, true);
        this.context = ErrorContext.of(reader.uri());
    }

    public Raster read(ImageLayout layout, PixelWindow window, Double nodata) {
        decoder.checkSupported(layout.encoding(), context);
        List<BlockRef> refs = BlockPlanner.plan(layout, window);
        return windowDecoder.decode(layout.encoding(), window, refs, fetch(layout, refs), nodata, reader.uri());
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
