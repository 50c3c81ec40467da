package dev.stacstream.cog.testing;

import dev.stacstream.cog.codec.BlockEncoding;
import dev.stacstream.cog.codec.DecompressorRegistry;
import dev.stacstream.cog.plan.BlockPlanner;
import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.cog.read.BlockDecoder;
import dev.stacstream.cog.tiff.Ifd;
import dev.stacstream.cog.tiff.ImageLayout;
import dev.stacstream.cog.tiff.TiffParser;
import dev.stacstream.cog.tiff.TiffStructure;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaders;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The stored (still compressed) blocks of a TIFF, read straight from the file with their encodings, for tests
 * that feed codecs real blocks without the rest of the reader.
 */
public final class StoredBlocks {

    private static final Set<Integer> DEFLATE_CODES = Set.of(DecompressorRegistry.DEFLATE, DecompressorRegistry.DEFLATE_ADOBE);

    /** One stored block: where it is, its bytes as stored and how it is encoded. */
    public record StoredBlock(String name, byte[] bytes, BlockEncoding encoding) {}

    private StoredBlocks() {}

    /** Whether any IFD of the file is DEFLATE-compressed (compression 8 or 32946). */
    public static boolean hasDeflate(Path file) {
        try (RangeReader reader = RangeReaders.open(file.toString())) {
            TiffStructure structure = TiffParser.parse(reader);
            return structure.ifds().stream().anyMatch(ifd -> DEFLATE_CODES.contains(layout(structure, ifd).compression()));
        }
    }

    /** Every non-sparse block of every DEFLATE IFD of the file, IFD by IFD in storage-index order. */
    public static List<StoredBlock> deflateBlocks(Path file) {
        List<StoredBlock> blocks = new ArrayList<>();
        try (RangeReader reader = RangeReaders.open(file.toString())) {
            TiffStructure structure = TiffParser.parse(reader);
            for (Ifd ifd : structure.ifds()) {
                ImageLayout layout = layout(structure, ifd);
                if (!DEFLATE_CODES.contains(layout.compression())) {
                    continue;
                }
                List<BlockRef> refs = BlockPlanner.all(layout).stream().filter(ref -> !ref.isSparse()).toList();
                List<ByteRange> ranges = refs.stream().map(BlockRef::range).toList();
                List<ByteBuffer> stored = reader.readAll(ranges).join();
                for (int i = 0; i < refs.size(); i++) {
                    BlockRef ref = refs.get(i);
                    byte[] bytes = new byte[stored.get(i).remaining()];
                    stored.get(i).duplicate().get(bytes);
                    blocks.add(new StoredBlock(file.getFileName() + " IFD " + layout.ifdIndex() + " " + ref, bytes,
                            BlockDecoder.encoding(layout.encoding(), ref)));
                }
            }
        }
        return blocks;
    }

    private static ImageLayout layout(TiffStructure structure, Ifd ifd) {
        return ImageLayout.of(ifd, structure.byteOrder(), structure.uri());
    }
}
