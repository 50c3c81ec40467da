package dev.stacstream.sinks.parquet;

import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordEmitterTest {

    private static final MessageType SCHEMA = Types.buildMessage()
            .required(BINARY).as(stringType()).named("name")
            .optional(DOUBLE).named("mean")
            .required(INT64).as(timestampType(true, MICROS)).named("time")
            .named("t");

    private final RecordingSink sink = new RecordingSink(SCHEMA);
    private final RecordEmitter emitter = new RecordEmitter(SCHEMA, sink);

    @Test
    void writesColumnsInSchemaOrderWithNulls() {
        emitter.start().string("a").float64OrNull(2.5).timestampMicros(Instant.parse("1970-01-01T00:00:01Z")).end();
        emitter.start().string("b").float64OrNull(Double.NaN).timestampMicros(Instant.EPOCH).end();

        assertThat(sink.events).containsExactly(
                "0 name = a", "1 mean = 2.5", "2 time = 1000000", "end",
                "0 name = b", "1 mean = NULL", "2 time = 0", "end");
    }

    @Test
    void aRepeatedStringKeepsItsValueAndANewOneReplacesIt() {
        String label = "sentinel-2-l2a";
        for (String value : new String[] {label, label, new String(label), "landsat-c2-l2", label, "ünïcode"}) {
            emitter.start().string(value).float64OrNull(Double.NaN).timestampMicros(Instant.EPOCH).end();
        }

        assertThat(sink.events).filteredOn(e -> e.startsWith("0 ")).containsExactly(
                "0 name = sentinel-2-l2a", "0 name = sentinel-2-l2a", "0 name = sentinel-2-l2a",
                "0 name = landsat-c2-l2", "0 name = sentinel-2-l2a", "0 name = ünïcode");
        // An equal copy is a repeat too: the pages look values up only when the Binary instance changes.
        assertThat(sink.binaries.get(2)).isSameAs(sink.binaries.get(0));
    }

    @Test
    void byteArraysAndLabelsAreConstantBinariesParquetMayKeep() {
        MessageType blobs = Types.buildMessage()
                .required(BINARY).named("owned")
                .required(BINARY).as(stringType()).named("label")
                .named("b");
        RecordingSink blobSink = new RecordingSink(blobs);
        RecordEmitter blobEmitter = new RecordEmitter(blobs, blobSink);

        blobEmitter.start().bytes(new byte[] {3}).string("red").end();

        assertThat(blobSink.binaries).extracting(Binary::isBackingBytesReused).containsExactly(false, false);
        assertThat(blobSink.events).containsExactly("0 owned = \u0003", "1 label = red", "end");
    }

    @ParameterizedTest(name = "{0} -> {1} µs")
    @CsvSource({
        "2020-02-19T11:21:19.024Z, 1582111279024000",
        "2020-02-19T11:21:19.000001999Z, 1582111279000001",
        "1969-12-31T23:59:59.999999500Z, -1",
        "1969-12-31T23:59:59Z, -1000000",
    })
    void timestampsAreMicrosecondsFlooredToTheMicrosecond(String instant, long micros) {
        emitter.start().string("a").float64OrNull(Double.NaN).timestampMicros(Instant.parse(instant)).end();

        assertThat(sink.events).contains("2 time = " + micros);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheColumn() {
        emitter.start();

        assertThatIllegalStateException().isThrownBy(() -> emitter.int64(7L))
                .withMessage("column t.name is BINARY but was written as INT64");
    }

    @Test
    void nullInARequiredColumnNamesTheColumn() {
        emitter.start();

        assertThatIllegalStateException().isThrownBy(() -> emitter.string(null))
                .withMessage("column t.name is required but got NULL");
    }

    @Test
    void endingEarlyCountsTheColumnsWritten() {
        emitter.start().string("a");

        assertThatIllegalStateException().isThrownBy(emitter::end)
                .withMessage("record of t ended after 1 of its 3 columns");
    }

    @Test
    void oneValueTooManyIsRejected() {
        emitter.start().string("a").float64OrNull(1).timestampMicros(Instant.EPOCH);

        assertThatIllegalStateException().isThrownBy(() -> emitter.string("extra"))
                .withMessage("record of t has more values than its 3 columns");
    }

}
