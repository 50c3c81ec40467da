package dev.stacstream.sinks.parquet;

import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import dev.stacstream.sinks.geo.GeoParquetMetadata;
import dev.stacstream.sinks.geo.PointWkb;
import dev.stacstream.sinks.row.FeatureAttribute;
import dev.stacstream.sinks.row.PointRow;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The {@code points} table (DESIGN.md contract), one row per (input point, collection, tile, band, period):
 *
 * <pre>
 * column        Parquet type                       meaning
 * point_id      BINARY (STRING), required          the point's id in the input file
 * (attributes)  BOOLEAN, INT64, DOUBLE or STRING   the input point's properties, one optional column each, in the
 *                                                  order of the file (a name clashing with a column below gets the
 *                                                  prefix input_)
 * collection    BINARY (STRING), required          STAC collection id; also the collection= folder
 * tile          BINARY (STRING), optional          tile id (MGRS, WRS-2 path/row), NULL when unknown
 * period        BINARY (STRING), required          yyyy-MM-dd (day), yyyy-MM (month) or the item id (item)
 * period_start  INT64 TIMESTAMP(MICROS, UTC)       start of the period (inclusive); item: the item datetime
 * period_end    INT64 TIMESTAMP(MICROS, UTC)       end of the period (exclusive); item: the item datetime
 * band          BINARY (STRING), required          asset key of the band
 * value         DOUBLE, optional                   the period's composite (median or mean) of the valid
 *                                                  observations, band units after scale/offset; or, for a period
 *                                                  without one, the value interpolated in time between the
 *                                                  neighbouring composites; NULL when neither exists
 * count_valid   INT64, required                    valid observations in the composite (0 when interpolated)
 * interpolated  BOOLEAN, required                  whether value was interpolated
 * geometry      BINARY, required                   the point as a WKB Point, WGS 84 longitude/latitude (GeoParquet)
 * </pre>
 * The footer carries GeoParquet 1.1.0 {@code geo} metadata for {@code geometry} with no {@code crs}, which
 * GeoParquet defines as OGC:CRS84 (longitude/latitude on WGS 84).
 *
 * <p>The attributes travel with the table (serialized with the job graph) rather than with every row.
 */
public final class PointsTable implements TableFormat<PointRow> {

    private static final long serialVersionUID = 1L;

    /** Name of the table's folder and part-file prefix. */
    public static final String NAME = "points";
    /** The WKB point column. */
    public static final String GEOMETRY = "geometry";
    /** The table's own columns, which an input attribute may not shadow. */
    public static final Set<String> FIXED_COLUMNS = Set.of("point_id", "collection", "tile", "period", "period_start",
            "period_end", "band", "value", "count_valid", "interpolated", GEOMETRY);
    /** The CRS label under which points are recorded in the GeoParquet metadata. */
    private static final String LON_LAT = "OGC:CRS84";

    private final List<FeatureAttribute> attributes;
    private final HashMap<String, Object[]> valuesById;

    /**
     * @param attributes the input's properties, in column order
     * @param valuesById per point id, the attribute values in that order (String, Long, Double, Boolean or null)
     */
    public PointsTable(List<FeatureAttribute> attributes, Map<String, Object[]> valuesById) {
        this.attributes = List.copyOf(attributes);
        this.valuesById = new HashMap<>(valuesById);
        for (FeatureAttribute a : this.attributes) {
            if (FIXED_COLUMNS.contains(a.column())) {
                throw new IllegalArgumentException("attribute column '" + a.column() + "' clashes with a column of the "
                        + NAME + " table");
            }
        }
    }

    @Override
    public String tableName() {
        return NAME;
    }

    @Override
    public MessageType schema() {
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.required(BINARY).as(stringType()).named("point_id");
        AttributeColumns.addTo(b, attributes);
        return b.required(BINARY).as(stringType()).named("collection")
                .optional(BINARY).as(stringType()).named("tile")
                .required(BINARY).as(stringType()).named("period")
                .required(INT64).as(timestampType(true, MICROS)).named("period_start")
                .required(INT64).as(timestampType(true, MICROS)).named("period_end")
                .required(BINARY).as(stringType()).named("band")
                .optional(DOUBLE).named("value")
                .required(INT64).named("count_valid")
                .required(BOOLEAN).named("interpolated")
                .required(BINARY).named(GEOMETRY)
                .named(NAME);
    }

    @Override
    public Set<String> columnsWithoutStatistics() {
        return Set.of(GEOMETRY);
    }

    @Override
    public Encoding valuesEncoding(String column) {
        return switch (column) {
            case "collection", "tile", "period", "band" -> Encoding.RLE_DICTIONARY;
            default -> Encoding.PLAIN;
        };
    }

    @Override
    public FileEncoder<PointRow> newFileEncoder() {
        GeoParquetMetadata geo = GeoParquetMetadata.lonLatPoints(GEOMETRY);
        Object[] none = new Object[attributes.size()];
        return new FileEncoder<>() {
            @Override
            public void write(PointRow row, ColumnSink out) throws IOException {
                RecordEmitter r = out.record().start().string(row.pointId());
                Object[] values = valuesById.getOrDefault(row.pointId(), none);
                AttributeColumns.write(r, attributes, values);
                r.string(row.collection())
                        .string(row.tile())
                        .string(row.period().label())
                        .timestampMicros(row.period().start())
                        .timestampMicros(row.period().end())
                        .string(row.band())
                        .float64OrNull(row.value())
                        .int64(row.countValid())
                        .bool(row.interpolated())
                        .bytes(PointWkb.encode(row.lon(), row.lat()))
                        .end();
                geo.add(LON_LAT, row.lon(), row.lat(), row.lon(), row.lat());
            }

            @Override
            public Map<String, String> footerMetadata() {
                return Map.of(GeoParquetMetadata.KEY, geo.toJson());
            }
        };
    }
}
