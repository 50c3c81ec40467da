package dev.stacstream.job.aggregate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The compact binary form of {@link CellStats} for Flink state and the network (wrapped by the job's type
 * serializer), without Java serialization or Kryo.
 *
 * <p>Version 1: a version byte ({@value #CURRENT_VERSION}), {@code countTotal} and {@code countValid} as
 * unsigned LEB128 varints, then, only when {@code countValid > 0}, {@code sum, min, max, mean, m2} as
 * big-endian IEEE doubles. A cell with a few valid pixels takes 43 bytes, a fully masked cell 3. Later
 * versions may only add: a reader keeps decoding every older version.
 */
public final class CellStatsSerializer {

    /** The version this class writes. */
    public static final int CURRENT_VERSION = 1;

    private static final int VARINT_PAYLOAD_BITS = 7;
    private static final int VARINT_PAYLOAD_MASK = 0x7f;
    private static final int VARINT_CONTINUATION = 0x80;
    private static final int MAX_VARINT_BYTES = 10;

    private CellStatsSerializer() {}

    /** Writes {@code stats} in the current version. */
    public static void serialize(CellStats stats, DataOutput out) throws IOException {
        out.writeByte(CURRENT_VERSION);
        writeVarLong(out, stats.countTotal());
        writeVarLong(out, stats.countValid());
        if (stats.countValid() > 0) {
            out.writeDouble(stats.sum());
            out.writeDouble(stats.min());
            out.writeDouble(stats.max());
            out.writeDouble(stats.mean());
            out.writeDouble(stats.m2());
        }
    }

    /**
     * Reads statistics written by any version up to {@link #CURRENT_VERSION}.
     *
     * @throws IOException if the version is unknown or the fields are inconsistent (the message names both)
     */
    public static CellStats deserialize(DataInput in) throws IOException {
        int version = in.readUnsignedByte();
        if (version < 1 || version > CURRENT_VERSION) {
            throw new IOException("cannot read CellStats of serializer version " + version + ": this reader knows versions 1 to "
                    + CURRENT_VERSION);
        }
        long countTotal = readVarLong(in);
        long countValid = readVarLong(in);
        try {
            if (countValid == 0) {
                return CellStats.ofInvalid(countTotal);
            }
            double sum = in.readDouble();
            double min = in.readDouble();
            double max = in.readDouble();
            double mean = in.readDouble();
            double m2 = in.readDouble();
            return CellStats.of(countTotal, countValid, sum, min, max, mean, m2);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt CellStats (version " + version + "): " + e.getMessage(), e);
        }
    }

    /** The serialized bytes of {@code stats}. */
    public static byte[] toBytes(CellStats stats) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            serialize(stats, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + stats + " into memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Statistics from exactly {@code bytes}.
     *
     * @throws IOException if they are corrupt, of an unknown version, or followed by trailing bytes
     */
    public static CellStats fromBytes(byte[] bytes) throws IOException {
        ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
        CellStats stats = deserialize(new DataInputStream(stream));
        if (stream.available() > 0) {
            throw new IOException("CellStats bytes have " + stream.available() + " trailing byte(s) after offset "
                    + (bytes.length - stream.available()) + " of " + bytes.length);
        }
        return stats;
    }

    private static void writeVarLong(DataOutput out, long value) throws IOException {
        long v = value;
        while ((v & ~(long) VARINT_PAYLOAD_MASK) != 0) {
            out.writeByte((int) (v & VARINT_PAYLOAD_MASK) | VARINT_CONTINUATION);
            v >>>= VARINT_PAYLOAD_BITS;
        }
        out.writeByte((int) v);
    }

    private static long readVarLong(DataInput in) throws IOException {
        long value = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            int b = in.readUnsignedByte();
            value |= (long) (b & VARINT_PAYLOAD_MASK) << (VARINT_PAYLOAD_BITS * i);
            if ((b & VARINT_CONTINUATION) == 0) {
                return value;
            }
        }
        throw new IOException("CellStats count varint is longer than " + MAX_VARINT_BYTES + " bytes");
    }
}
