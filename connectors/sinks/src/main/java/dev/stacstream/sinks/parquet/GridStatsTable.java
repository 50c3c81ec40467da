package dev.stacstream.sinks.parquet;

import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import dev.stacstream.sinks.geo.GeoParquetMetadata;
import dev.stacstream.sinks.row.GridStatsBatch;
import java.util.Set;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The {@code grid_stats} table (DESIGN.md contract), one row per (collection, period, tile, band, cell):
 *
 * <pre>
 * column        Parquet type                       meaning
 * collection    BINARY (STRING), required          STAC collection id; also the collection= folder
 * tile          BINARY (STRING), optional          tile id (MGRS, WRS-2 path/row), NULL when unknown
 * period        BINARY (STRING), required          yyyy-MM-dd (day), yyyy-MM (month) or the item id (item)
 * period_start  INT64 TIMESTAMP(MICROS, UTC)       start of the period (inclusive); item: the item datetime
 * period_end    INT64 TIMESTAMP(MICROS, UTC)       end of the period (exclusive); item: the item datetime
 * band          BINARY (STRING), required          asset key of the band
 * cell_x        INT64, required                    output-grid column, 0-based from the upper-left corner
 * cell_y        INT64, required                    output-grid row, 0-based from the upper-left corner
 * x             DOUBLE, required                   cell-centre easting, grid CRS units (metres for UTM)
 * y             DOUBLE, required                   cell-centre northing, grid CRS units
 * crs           BINARY (STRING), required          grid CRS, AUTHORITY:CODE (e.g. EPSG:32629)
 * count_total   INT64, required                    pixels of the band in the cell
 * count_valid   INT64, required                    pixels that passed the mask and nodata rules
 * mean          DOUBLE, optional                   mean of the valid pixels, band units (after scale/offset)
 * min           DOUBLE, optional                   smallest valid value
 * max           DOUBLE, optional                   largest valid value
 * std           DOUBLE, optional                   population standard deviation of the valid values
 * sum           DOUBLE, optional                   sum of the valid values
 * items         INT32, required                    STAC items merged into the row
 * geometry      BINARY, required                   the cell as a WKB Polygon in the grid CRS (GeoParquet)
 * </pre>
 * The statistics are {@code NULL} when {@code count_valid = 0} or when the pipeline was not asked for them.
 * The footer carries GeoParquet 1.1.0 {@code geo} metadata for {@code geometry} ({@link GeoParquetMetadata}).
 *
 * <p>Elements are {@link GridStatsBatch}es, written column by column ({@link GridStatsEncoder}).
 */
public final class GridStatsTable implements TableFormat<GridStatsBatch> {

    private static final long serialVersionUID = 2L;

    /** Name of the table's folder and part-file prefix. */
    public static final String NAME = "grid_stats";
    /** The WKB polygon column. */
    public static final String GEOMETRY = "geometry";

    static final MessageType SCHEMA = Types.buildMessage()
            .required(BINARY).as(stringType()).named("collection")
            .optional(BINARY).as(stringType()).named("tile")
            .required(BINARY).as(stringType()).named("period")
            .required(INT64).as(timestampType(true, MICROS)).named("period_start")
            .required(INT64).as(timestampType(true, MICROS)).named("period_end")
            .required(BINARY).as(stringType()).named("band")
            .required(INT64).named("cell_x")
            .required(INT64).named("cell_y")
            .required(DOUBLE).named("x")
            .required(DOUBLE).named("y")
            .required(BINARY).as(stringType()).named("crs")
            .required(INT64).named("count_total")
            .required(INT64).named("count_valid")
            .optional(DOUBLE).named("mean")
            .optional(DOUBLE).named("min")
            .optional(DOUBLE).named("max")
            .optional(DOUBLE).named("std")
            .optional(DOUBLE).named("sum")
            .required(INT32).named("items")
            .required(BINARY).named(GEOMETRY)
            .named(NAME);

    @Override
    public String tableName() {
        return NAME;
    }

    @Override
    public MessageType schema() {
        return SCHEMA;
    }

    @Override
    public Set<String> columnsWithoutStatistics() {
        return Set.of(GEOMETRY);
    }

    /**
     * Chosen by rewriting the rows of one real W part file (1.32 M rows, 0.86 M with statistics, from
     * bench/run_w.sh) each way; sizes after zstd:
     * <ul>
     *   <li>{@code min}, {@code max}, {@code std}, {@code sum}: BYTE_STREAM_SPLIT. Integer pixel values and sums of
     *       them repeat their high bytes from cell to cell: min and max take 1.12 MB instead of 1.59 MB PLAIN, std
     *       6.03 instead of 6.44 MB, a sum of DNs 1.98 instead of 2.52 MB, and compress faster. {@code mean} stays
     *       PLAIN: a sum over a count of at most 100 has a short decimal expansion that zstd finds in the PLAIN
     *       bytes and loses in the split (2.99 MB PLAIN, 4.42 MB split).
     *   <li>{@code cell_x}, {@code cell_y}: DELTA_BINARY_PACKED. Cells leave chunk by chunk and row by row, so the
     *       indices mostly step by one: 17 and 15 kB instead of 887 and 57 kB PLAIN.
     *   <li>the labels {@code collection}, {@code tile}, {@code period}, {@code band}, {@code crs}: dictionary.
     * </ul>
     */
    @Override
    public Encoding valuesEncoding(String column) {
        return switch (column) {
            case "min", "max", "std", "sum" -> Encoding.BYTE_STREAM_SPLIT;
            case "cell_x", "cell_y" -> Encoding.DELTA_BINARY_PACKED;
            case "collection", "tile", "period", "band", "crs" -> Encoding.RLE_DICTIONARY;
            default -> Encoding.PLAIN;
        };
    }

    @Override
    public FileEncoder<GridStatsBatch> newFileEncoder() {
        return new GridStatsEncoder();
    }
}
