package dev.stacstream.sinks.parquet;

import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import dev.stacstream.sinks.row.FeatureAttribute;
import dev.stacstream.sinks.row.PixelBatch;
import dev.stacstream.sinks.row.PixelSource;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The {@code pixels} table (DESIGN.md contract), one row per pixel of an input polygon per day or item (seed 000):
 *
 * <pre>
 * column        Parquet type                       meaning
 * polygon_id    BINARY (STRING), required          the polygon's id in the input file
 * pixel_id      INT64, required                    the pixel's stable index on its CRS's pixel lattice
 * x, y          DOUBLE, required                   the pixel centre, in crs units
 * crs           BINARY (STRING), required          AUTHORITY:CODE of x and y
 * collection    BINARY (STRING), required          STAC collection id; also the collection= folder
 * tile          BINARY (STRING), optional          the item's tile
 * item_id       BINARY (STRING), required          the STAC item the values come from
 * datetime      INT64 TIMESTAMP(MICROS, UTC)       the item's datetime; its UTC date is the date= folder
 * (bands)       DOUBLE, optional                   one column per band, named as in assets.bands: the value after
 *                                                  scale/offset, NULL where the mask or nodata invalidates it
 * (attributes)  BOOLEAN, INT64, DOUBLE or STRING   the input polygon's properties as aux_&lt;name&gt; columns
 * </pre>
 * Rows come in batches of one polygon and item (or day), written whole into one part file.
 */
public final class PixelsTable implements TableFormat<PixelBatch> {

    private static final long serialVersionUID = 1L;

    /** Name of the table's folder and part-file prefix. */
    public static final String NAME = "pixels";
    /** The table's own columns, which a band may not shadow. */
    public static final Set<String> FIXED_COLUMNS = Set.of("polygon_id", "pixel_id", "x", "y", "crs", "collection",
            "tile", "item_id", "datetime");

    private final List<String> bands;
    private final List<FeatureAttribute> attributes;
    private final HashMap<String, Object[]> valuesById;

    /**
     * @param bands the band columns, in the batches' band order
     * @param attributes the polygons' properties, in column order
     * @param valuesById per polygon id, the attribute values in that order
     */
    public PixelsTable(List<String> bands, List<FeatureAttribute> attributes, Map<String, Object[]> valuesById) {
        this.bands = List.copyOf(bands);
        this.attributes = List.copyOf(attributes);
        this.valuesById = new HashMap<>(valuesById);
        for (String band : this.bands) {
            if (FIXED_COLUMNS.contains(band) || band.startsWith("aux_")) {
                throw new IllegalArgumentException("band '" + band + "' clashes with a column of the " + NAME + " table");
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
        b.required(BINARY).as(stringType()).named("polygon_id")
                .required(INT64).named("pixel_id")
                .required(DOUBLE).named("x")
                .required(DOUBLE).named("y")
                .required(BINARY).as(stringType()).named("crs")
                .required(BINARY).as(stringType()).named("collection")
                .optional(BINARY).as(stringType()).named("tile")
                .required(BINARY).as(stringType()).named("item_id")
                .required(INT64).as(timestampType(true, MICROS)).named("datetime");
        for (String band : bands) {
            b.optional(DOUBLE).named(band);
        }
        AttributeColumns.addTo(b, attributes);
        return b.named(NAME);
    }

    @Override
    public Encoding valuesEncoding(String column) {
        return switch (column) {
            case "polygon_id", "crs", "collection", "tile", "item_id" -> Encoding.RLE_DICTIONARY;
            case "pixel_id" -> Encoding.DELTA_BINARY_PACKED;
            default -> Encoding.PLAIN;
        };
    }

    @Override
    public FileEncoder<PixelBatch> newFileEncoder() {
        Object[] none = new Object[attributes.size()];
        return new FileEncoder<>() {
            @Override
            public void write(PixelBatch batch, ColumnSink out) throws IOException {
                Object[] values = valuesById.getOrDefault(batch.polygonId(), none);
                for (int i = 0; i < batch.size(); i++) {
                    PixelSource source = batch.sourceOf(i);
                    RecordEmitter r = out.record().start()
                            .string(batch.polygonId())
                            .int64(batch.pixelIds()[i])
                            .float64(batch.xs()[i])
                            .float64(batch.ys()[i])
                            .string(batch.crs())
                            .string(batch.collection())
                            .string(source.tile())
                            .string(source.itemId())
                            .timestampMicros(source.datetime());
                    for (double[] band : batch.bands()) {
                        r.float64OrNull(band[i]);
                    }
                    AttributeColumns.write(r, attributes, values);
                    r.end();
                }
            }

            @Override
            public Map<String, String> footerMetadata() {
                return Map.of();
            }
        };
    }
}
