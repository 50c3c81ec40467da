package dev.stacstream.stac.source.enumerator;

import dev.stacstream.stac.source.split.CheckpointFields;
import dev.stacstream.stac.source.split.StacItemSplit;
import dev.stacstream.stac.source.split.StacItemSplitSerializer;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.io.VersionMismatchException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checkpoint format of {@link StacEnumeratorState}. Versions are additive: a new version appends fields after the
 * previous version's, and {@link #deserialize} reads every version in {@link #COMPATIBLE_VERSIONS}.
 *
 * <p>Version 1:
 * <ol>
 *   <li>position: nullable floor, nullable high-water mark, completed rounds (long), baseline pending (boolean);
 *   <li>recent items: count, then per item nullable collection, id, cursor time, nullable updated;
 *   <li>pending splits: the {@link StacItemSplitSerializer} version, count, then per split its length and bytes
 *       (so that the split format can evolve on its own).
 * </ol>
 */
public final class StacEnumeratorStateSerializer implements SimpleVersionedSerializer<StacEnumeratorState> {

    public static final StacEnumeratorStateSerializer INSTANCE = new StacEnumeratorStateSerializer();

    static final int CURRENT_VERSION = 1;
    static final Set<Integer> COMPATIBLE_VERSIONS = Set.of(1);

    private final StacItemSplitSerializer splitSerializer = StacItemSplitSerializer.INSTANCE;

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(StacEnumeratorState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            serializeV1(state, out);
        }
        return bytes.toByteArray();
    }

    void serializeV1(StacEnumeratorState state, DataOutputStream out) throws IOException {
        DiscoveryPosition position = state.position();
        CheckpointFields.writeNullableInstant(out, position.floor());
        CheckpointFields.writeNullableInstant(out, position.highWaterMark());
        out.writeLong(position.completedRounds());
        out.writeBoolean(position.baselinePending());

        out.writeInt(state.recentItems().size());
        for (SeenItem item : state.recentItems()) {
            CheckpointFields.writeNullableString(out, item.collection());
            CheckpointFields.writeString(out, item.itemId());
            CheckpointFields.writeInstant(out, item.cursorTime());
            CheckpointFields.writeNullableInstant(out, item.updated());
        }

        out.writeInt(splitSerializer.getVersion());
        out.writeInt(state.pendingSplits().size());
        for (StacItemSplit split : state.pendingSplits()) {
            byte[] serialized = splitSerializer.serialize(split);
            out.writeInt(serialized.length);
            out.write(serialized);
        }
    }

    @Override
    public StacEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (!COMPATIBLE_VERSIONS.contains(version)) {
            throw new VersionMismatchException(String.format(
                    "Cannot read a StacEnumeratorState serialized with version %d: this serializer (version %d)"
                            + " reads versions %s", version, CURRENT_VERSION, COMPATIBLE_VERSIONS));
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            DiscoveryPosition position = new DiscoveryPosition(
                    CheckpointFields.readNullableInstant(in, "position floor"),
                    CheckpointFields.readNullableInstant(in, "position high-water mark"),
                    in.readLong(),
                    in.readBoolean());
            List<SeenItem> recentItems = readRecentItems(in);
            List<StacItemSplit> pendingSplits = readPendingSplits(in);
            if (in.available() > 0) {
                throw new IOException(String.format(
                        "%d unexpected trailing bytes after StacEnumeratorState (version %d, %d bytes)",
                        in.available(), version, serialized.length));
            }
            return new StacEnumeratorState(position, recentItems, pendingSplits);
        }
    }

    private static List<SeenItem> readRecentItems(DataInputStream in) throws IOException {
        int count = CheckpointFields.readCount(in, "recent item count");
        List<SeenItem> items = new ArrayList<>(Math.min(count, in.available()));
        for (int i = 0; i < count; i++) {
            items.add(new SeenItem(
                    CheckpointFields.readNullableString(in, "recent item collection"),
                    CheckpointFields.readString(in, "recent item id"),
                    CheckpointFields.readInstant(in, "recent item cursor time"),
                    CheckpointFields.readNullableInstant(in, "recent item updated")));
        }
        return items;
    }

    private List<StacItemSplit> readPendingSplits(DataInputStream in) throws IOException {
        int splitVersion = in.readInt();
        int count = CheckpointFields.readCount(in, "pending split count");
        List<StacItemSplit> splits = new ArrayList<>(Math.min(count, in.available()));
        for (int i = 0; i < count; i++) {
            int length = CheckpointFields.readCount(in, "pending split length");
            if (length > in.available()) {
                throw new IOException(String.format(
                        "Corrupt pending split %d of %d: length %d exceeds the %d remaining bytes",
                        i, count, length, in.available()));
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            splits.add(splitSerializer.deserialize(splitVersion, bytes));
        }
        return splits;
    }
}
