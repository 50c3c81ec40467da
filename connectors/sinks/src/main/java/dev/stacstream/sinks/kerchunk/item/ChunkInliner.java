package dev.stacstream.sinks.kerchunk.item;

import dev.stacstream.sinks.kerchunk.tiff.LevelLayout;
import dev.stacstream.storage.ByteRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which chunks go into a manifest as bytes rather than as references: those stored in fewer than
 * {@code threshold} bytes (kerchunk's {@code inline_threshold} rule, {@code length < threshold}). Their bytes are
 * read through {@link ChunkBytes}, one batch per level; threshold 0 inlines nothing and reads nothing.
 */
public final class ChunkInliner {

    /** Inlines nothing. */
    public static final ChunkInliner NONE = new ChunkInliner(0, (url, ranges) -> List.of());

    private final long threshold;
    private final ChunkBytes bytes;

    public ChunkInliner(long threshold, ChunkBytes bytes) {
        if (threshold < 0) {
            throw new IllegalArgumentException("inline threshold " + threshold + " is negative");
        }
        this.threshold = threshold;
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    public long threshold() {
        return threshold;
    }

    /** The bytes of each small block of {@code level} stored at {@code url}, by block index. */
    public Map<Integer, byte[]> inline(String url, LevelLayout level) {
        if (threshold == 0) {
            return Map.of();
        }
        List<Integer> blocks = new ArrayList<>();
        List<ByteRange> ranges = new ArrayList<>();
        for (int i = 0; i < level.blockCount(); i++) {
            if (!level.isSparse(i) && level.byteCounts()[i] < threshold) {
                blocks.add(i);
                ranges.add(new ByteRange(level.offsets()[i], level.byteCounts()[i]));
            }
        }
        if (blocks.isEmpty()) {
            return Map.of();
        }
        List<byte[]> data = bytes.read(url, ranges);
        if (data.size() != blocks.size()) {
            throw new IllegalStateException("asked " + url + " for " + blocks.size() + " ranges, got " + data.size());
        }
        Map<Integer, byte[]> out = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            out.put(blocks.get(i), data.get(i));
        }
        return out;
    }
}
