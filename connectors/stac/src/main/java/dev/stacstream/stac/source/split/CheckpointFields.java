package dev.stacstream.stac.source.split;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The binary encoding of the field types that the source's checkpointed state is made of, shared by the split
 * serializer, the enumerator-state serializer and the {@code StacItem} type serializer so that the three agree.
 *
 * <ul>
 *   <li>Strings are a 4-byte length then UTF-8 bytes ({@link DataOutput#writeUTF} stops at 64 KiB, which a STAC
 *       item's JSON can exceed).
 *   <li>Instants are epoch seconds (long) then nanoseconds (int), so sub-millisecond STAC datetimes survive.
 *   <li>A nullable field is a presence byte then the value.
 * </ul>
 */
public final class CheckpointFields {

    /** Largest string accepted when reading, so that a corrupt length fails clearly instead of exhausting memory. */
    public static final int MAX_STRING_BYTES = 64 * 1024 * 1024;

    private CheckpointFields() {
    }

    public static void writeString(DataOutput out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** @param field what is being read, for the error message */
    public static String readString(DataInput in, String field) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException(String.format(
                    "Corrupt %s: encoded length %d is outside [0, %d]", field, length, MAX_STRING_BYTES));
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static void writeNullableString(DataOutput out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writeString(out, value);
        }
    }

    public static String readNullableString(DataInput in, String field) throws IOException {
        return in.readBoolean() ? readString(in, field) : null;
    }

    public static void writeInstant(DataOutput out, Instant value) throws IOException {
        out.writeLong(value.getEpochSecond());
        out.writeInt(value.getNano());
    }

    public static Instant readInstant(DataInput in, String field) throws IOException {
        long seconds = in.readLong();
        int nanos = in.readInt();
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (RuntimeException e) {
            throw new IOException(String.format("Corrupt %s: %d s + %d ns is not an instant", field, seconds, nanos), e);
        }
    }

    public static void writeNullableInstant(DataOutput out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writeInstant(out, value);
        }
    }

    public static Instant readNullableInstant(DataInput in, String field) throws IOException {
        return in.readBoolean() ? readInstant(in, field) : null;
    }

    /** Reads a non-negative element count. */
    public static int readCount(DataInput in, String field) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException(String.format("Corrupt %s: negative count %d", field, count));
        }
        return count;
    }
}
