package dev.stacstream.job.points;

import dev.stacstream.job.types.NullableFields;
import dev.stacstream.job.types.RecordCodec;
import dev.stacstream.sinks.row.OutputPeriod;
import dev.stacstream.sinks.row.PointRow;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Binary forms of the point-extraction records that cross operators or sit in keyed state (version 1 each). */
public final class PointCodecs {

    private static final int V1 = 1;

    private PointCodecs() {}

    static void writeKey(PointKey k, DataOutputView out) throws IOException {
        out.writeUTF(k.pointId());
        out.writeUTF(k.collection());
        out.writeUTF(k.tile());
        out.writeUTF(k.band());
        out.writeDouble(k.lon());
        out.writeDouble(k.lat());
    }

    static PointKey readKey(DataInputView in) throws IOException {
        return new PointKey(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readDouble(), in.readDouble());
    }

    static void writePeriod(OutputPeriod p, DataOutputView out) throws IOException {
        out.writeUTF(p.label());
        out.writeLong(p.start().toEpochMilli());
        out.writeLong(p.end().toEpochMilli());
    }

    static OutputPeriod readPeriod(DataInputView in) throws IOException {
        return new OutputPeriod(in.readUTF(), Instant.ofEpochMilli(in.readLong()), Instant.ofEpochMilli(in.readLong()));
    }

    /** {@link PointKey}: the key of the composite stage. */
    public static final class KeyCodec implements RecordCodec<PointKey> {
        private static final long serialVersionUID = 1L;

        @Override
        public int version() {
            return V1;
        }

        @Override
        public void write(PointKey k, DataOutputView out) throws IOException {
            writeKey(k, out);
        }

        @Override
        public PointKey read(int version, DataInputView in) throws IOException {
            return readKey(in);
        }
    }

    /** {@link PointObservation}: decode stage to composite stage. */
    public static final class ObservationCodec implements RecordCodec<PointObservation> {
        private static final long serialVersionUID = 1L;

        @Override
        public int version() {
            return V1;
        }

        @Override
        public void write(PointObservation o, DataOutputView out) throws IOException {
            writeKey(o.key(), out);
            out.writeUTF(o.itemId());
            out.writeLong(o.datetime().getEpochSecond());
            out.writeInt(o.datetime().getNano());
            out.writeDouble(o.value());
        }

        @Override
        public PointObservation read(int version, DataInputView in) throws IOException {
            return new PointObservation(readKey(in), in.readUTF(), Instant.ofEpochSecond(in.readLong(), in.readInt()),
                    in.readDouble());
        }
    }

    /** {@link PeriodSamples}: an open period in keyed state. */
    public static final class SamplesCodec implements RecordCodec<PeriodSamples> {
        private static final long serialVersionUID = 1L;

        @Override
        public int version() {
            return V1;
        }

        @Override
        public void write(PeriodSamples s, DataOutputView out) throws IOException {
            writePeriod(s.period(), out);
            out.writeInt(s.observations());
            out.writeInt(s.values().length);
            for (double v : s.values()) {
                out.writeDouble(v);
            }
        }

        @Override
        public PeriodSamples read(int version, DataInputView in) throws IOException {
            OutputPeriod period = readPeriod(in);
            int observations = in.readInt();
            double[] values = new double[in.readInt()];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readDouble();
            }
            return new PeriodSamples(period, values, observations);
        }
    }

    /** {@link PeriodValue}: the latest composite, or a pending gap, in keyed state. */
    public static final class ValueCodec implements RecordCodec<PeriodValue> {
        private static final long serialVersionUID = 1L;

        @Override
        public int version() {
            return V1;
        }

        @Override
        public void write(PeriodValue v, DataOutputView out) throws IOException {
            writePeriod(v.period(), out);
            out.writeDouble(v.value());
        }

        @Override
        public PeriodValue read(int version, DataInputView in) throws IOException {
            return new PeriodValue(readPeriod(in), in.readDouble());
        }
    }

    /** {@link PointRow}: composite stage to the {@code points} sink. */
    public static final class RowCodec implements RecordCodec<PointRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public int version() {
            return V1;
        }

        @Override
        public void write(PointRow r, DataOutputView out) throws IOException {
            out.writeUTF(r.pointId());
            out.writeUTF(r.collection());
            NullableFields.writeString(out, r.tile());
            writePeriod(r.period(), out);
            out.writeUTF(r.band());
            out.writeDouble(r.value());
            out.writeInt(r.countValid());
            out.writeBoolean(r.interpolated());
            out.writeDouble(r.lon());
            out.writeDouble(r.lat());
        }

        @Override
        public PointRow read(int version, DataInputView in) throws IOException {
            return new PointRow(in.readUTF(), in.readUTF(), NullableFields.readString(in), readPeriod(in), in.readUTF(),
                    in.readDouble(), in.readInt(), in.readBoolean(), in.readDouble(), in.readDouble());
        }
    }
}
