package dev.stacstream.stac.source.split;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.io.VersionMismatchException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Set;

/**
 * Checkpoint format of {@link StacItemSplit}. Versions are additive: a new version appends fields after the
 * previous version's, and {@link #deserialize} reads every version in {@link #COMPATIBLE_VERSIONS}.
 *
 * <p>Version 1: nullable collection, id, datetime, nullable updated, item JSON (encodings in
 * {@link CheckpointFields}).
 */
public final class StacItemSplitSerializer implements SimpleVersionedSerializer<StacItemSplit> {

    public static final StacItemSplitSerializer INSTANCE = new StacItemSplitSerializer();

    static final int CURRENT_VERSION = 1;
    static final Set<Integer> COMPATIBLE_VERSIONS = Set.of(1);

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(StacItemSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(split.itemJson().length() + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            serializeV1(split, out);
        }
        return bytes.toByteArray();
    }

    void serializeV1(StacItemSplit split, DataOutputStream out) throws IOException {
        CheckpointFields.writeNullableString(out, split.collection().orElse(null));
        CheckpointFields.writeString(out, split.itemId());
        CheckpointFields.writeInstant(out, split.datetime());
        CheckpointFields.writeNullableInstant(out, split.updated().orElse(null));
        CheckpointFields.writeString(out, split.itemJson());
    }

    @Override
    public StacItemSplit deserialize(int version, byte[] serialized) throws IOException {
        if (!COMPATIBLE_VERSIONS.contains(version)) {
            throw new VersionMismatchException(String.format(
                    "Cannot read a StacItemSplit serialized with version %d: this serializer (version %d) reads"
                            + " versions %s", version, CURRENT_VERSION, COMPATIBLE_VERSIONS));
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            String collection = CheckpointFields.readNullableString(in, "split collection");
            String itemId = CheckpointFields.readString(in, "split item id");
            StacItemSplit split = new StacItemSplit(
                    collection,
                    itemId,
                    CheckpointFields.readInstant(in, "split datetime"),
                    CheckpointFields.readNullableInstant(in, "split updated"),
                    CheckpointFields.readString(in, "split item JSON"));
            if (in.available() > 0) {
                throw new IOException(String.format(
                        "%d unexpected trailing bytes after StacItemSplit %s (version %d, %d bytes)",
                        in.available(), split.splitId(), version, serialized.length));
            }
            return split;
        }
    }
}
