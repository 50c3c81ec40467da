package dev.stacstream.job.types;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Binary form of one record type that travels between operators or sits in state. Every record starts with
 * the codec's version byte, so a codec reads every version it ever wrote: add fields under a new version
 * and keep reading the old ones (as {@code SimpleVersionedSerializer}s do), and state written by an older
 * job restores without a migration.
 *
 * <p>Implementations are stateless and have a public no-argument constructor (restored by class name).
 */
public interface RecordCodec<T> extends Serializable {

    /** The version written with every record; at most 255. */
    int version();

    /** Writes the fields of {@code record} (the version byte is written by the caller). */
    void write(T record, DataOutputView out) throws IOException;

    /** Reads a record written with {@code version}. */
    T read(int version, DataInputView in) throws IOException;

    /**
     * Whether records never change after construction. A codec of a mutable record (one that operators update
     * in place, such as an accumulator held in keyed state) returns {@code false} and implements
     * {@link #copy}, so that Flink's copy-on-write state map and asynchronous snapshots never see a record
     * half-way through an update.
     */
    default boolean isImmutable() {
        return true;
    }

    /** A deep copy of a mutable record; immutable records are returned as they are. */
    default T copy(T record) {
        return record;
    }
}
