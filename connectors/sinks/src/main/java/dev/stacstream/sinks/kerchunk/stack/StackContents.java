package dev.stacstream.sinks.kerchunk.stack;

import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a time stack holds, read from its references (either form, e.g. through
 * {@code KerchunkJsonReader} or {@code ParquetReferenceReader.readAll()}): each time step's item and time, in
 * stack order. For tools and tests that check a stack without a zarr client.
 */
public final class StackContents {

    private StackContents() {}

    /** One time step: the item's id and datetime (to the microsecond the {@code time} coordinate keeps). */
    public record Step(String itemId, Instant time) {}

    /**
     * The time steps of the stack {@code key} held in {@code refs}.
     *
     * @param source where {@code refs} came from, for messages
     * @throws dev.stacstream.sinks.kerchunk.ManifestFormatException when {@code refs} is not a time stack of {@code key}
     */
    public static List<Step> steps(StackKey key, ReferenceSet refs, String source) {
        return StackState.decode(key, refs.metadata(), coordinateChunks(refs), source).entries().stream()
                .map(e -> new Step(e.itemId(), Instant.EPOCH.plusNanos(e.micros() * 1000L)))
                .toList();
    }

    /** The inline chunk of each coordinate array present in {@code refs}, by name. */
    static Map<String, byte[]> coordinateChunks(ReferenceSet refs) {
        Map<String, byte[]> chunks = new HashMap<>();
        for (String name : StackCoordinates.NAMES) {
            if (refs.arrays().containsKey(name) && refs.chunks(name).get(0L) instanceof ChunkRef.Inline inline) {
                chunks.put(name, inline.data());
            }
        }
        return chunks;
    }
}
