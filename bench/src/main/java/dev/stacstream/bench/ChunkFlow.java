package dev.stacstream.bench;

import dev.stacstream.job.operators.CellChunk;
import dev.stacstream.job.operators.ChunkMerges;
import dev.stacstream.job.operators.ChunkPartial;
import dev.stacstream.job.operators.ChunkPartialCodec;
import dev.stacstream.job.types.CodecSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.Collector;

/**
 * The path of chunk partials through the job, outside Flink: the decode stage's partials serialized as its keyBy's
 * record writer does, and the period stage's merge (the operator's own merge step, maps standing in for its keyed
 * state, no timers). Records reach the period stage as bytes, as they cross the shuffle.
 */
final class ChunkFlow {

    static final CodecSerializer<ChunkPartial> SERIALIZER = new CodecSerializer<>(ChunkPartial.class,
            new ChunkPartialCodec());
    private static final int INITIAL_BUFFER_BYTES = 1 << 16;

    private ChunkFlow() {}

    /** Serializes each collected partial into one reused buffer, as a record writer does; counts records and bytes. */
    static class Serializing implements Collector<ChunkPartial> {
        final DataOutputSerializer buffer = new DataOutputSerializer(INITIAL_BUFFER_BYTES);
        long records;
        long bytes;

        @Override
        public void collect(ChunkPartial partial) {
            buffer.clear();
            try {
                SERIALIZER.serialize(partial, buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            records++;
            bytes += buffer.length();
            written(buffer);
        }

        /** Called with each record's bytes; the bytes are overwritten by the next record. */
        void written(DataOutputSerializer record) {}

        @Override
        public void close() {}
    }

    /** A {@link Serializing} collector that keeps a copy of every record, as the input of the next stage. */
    static final class Keeping extends Serializing {
        final List<byte[]> kept = new ArrayList<>();

        @Override
        void written(DataOutputSerializer record) {
            kept.add(record.getCopyOfBuffer());
        }
    }

    /** Reads records back, one deserializer reused as a network input's is. */
    static final class Reading {
        private final DataInputDeserializer in = new DataInputDeserializer();

        ChunkPartial read(byte[] record) {
            in.setBuffer(record);
            try {
                return SERIALIZER.deserialize(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The period stage: {@link ChunkMerges#windowIntoPeriod} of every window partial into its open period, with the
     * item's mask of counted cells per chunk.
     */
    static final class PeriodMerge {
        final Map<String, ChunkPartial> open = new HashMap<>();
        private final Map<String, long[]> counted = new HashMap<>();

        void process(ChunkPartial window) {
            String key = window.chunkKey();
            long[] mask = counted.computeIfAbsent(key + '|' + window.itemId(),
                    k -> new long[CellChunk.ITEM_MASK_WORDS]);
            open.put(key, ChunkMerges.windowIntoPeriod(open.get(key), window, mask));
        }
    }
}
