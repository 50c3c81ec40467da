package dev.stacstream.sinks.parquet;

import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import dev.stacstream.sinks.row.ErrorRow;
import java.io.IOException;
import java.util.Map;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The {@code errors} table (DESIGN.md contract), one row per item, asset or block the job gave up on:
 *
 * <pre>
 * column    Parquet type                     meaning
 * item_id   BINARY (STRING), optional        STAC item id; NULL before any item (e.g. a catalog page)
 * asset     BINARY (STRING), optional        asset key; NULL for the whole item
 * href      BINARY (STRING), optional        the URI that failed
 * block     INT64, optional                  block (tile) index in the asset's image at the level read
 * stage     BINARY (STRING), required        discover, plan, read, decode, mask or aggregate
 * kind      BINARY (STRING), required        failure class, e.g. not_found, io, timeout, malformed, unsupported
 * message   BINARY (STRING), required        one line naming the input and what is wrong
 * attempts  INT32, required                  tries made, at least 1
 * time      INT64 TIMESTAMP(MICROS, UTC)     when the failure was recorded; its UTC date is the date= folder
 * </pre>
 */
public final class ErrorsTable implements TableFormat<ErrorRow> {

    private static final long serialVersionUID = 1L;

    /** Name of the table's folder and part-file prefix. */
    public static final String NAME = "errors";

    @Override
    public String tableName() {
        return NAME;
    }

    @Override
    public MessageType schema() {
        return Types.buildMessage()
                .optional(BINARY).as(stringType()).named("item_id")
                .optional(BINARY).as(stringType()).named("asset")
                .optional(BINARY).as(stringType()).named("href")
                .optional(INT64).named("block")
                .required(BINARY).as(stringType()).named("stage")
                .required(BINARY).as(stringType()).named("kind")
                .required(BINARY).as(stringType()).named("message")
                .required(INT32).named("attempts")
                .required(INT64).as(timestampType(true, MICROS)).named("time")
                .named(NAME);
    }

    @Override
    public FileEncoder<ErrorRow> newFileEncoder() {
        return new FileEncoder<>() {
            @Override
            public void write(ErrorRow row, ColumnSink out) throws IOException {
                out.record().start()
                        .string(row.itemId())
                        .string(row.asset())
                        .string(row.href())
                        .int64(row.block())
                        .string(row.stage().columnValue())
                        .string(row.kind())
                        .string(row.message())
                        .int32(row.attempts())
                        .timestampMicros(row.time())
                        .end();
            }

            @Override
            public Map<String, String> footerMetadata() {
                return Map.of();
            }
        };
    }
}
