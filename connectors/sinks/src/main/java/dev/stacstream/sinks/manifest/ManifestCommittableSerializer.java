package dev.stacstream.sinks.manifest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Stores {@link ManifestCommittable}s in checkpoints. Version 1: item count, then each item in
 * {@link ItemReferencesFormat} version 1.
 */
public final class ManifestCommittableSerializer implements SimpleVersionedSerializer<ManifestCommittable> {

    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ManifestCommittable committable) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(committable.items().size());
            for (ItemReferences item : committable.items()) {
                ItemReferencesFormat.write(item, out);
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public ManifestCommittable deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("manifest committable of version " + version + " cannot be read: this build reads"
                    + " version " + VERSION);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int count = in.readInt();
            List<ItemReferences> items = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                items.add(ItemReferencesFormat.read(ItemReferencesFormat.VERSION, in));
            }
            return new ManifestCommittable(items);
        }
    }
}
