package dev.stacstream.sinks.geo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The GeoParquet 1.1.0 {@code geo} key-value metadata of one Parquet file with one WKB polygon column, gathered
 * while the file's rows are written: their CRS and bounding box.
 *
 * <p>A GeoParquet column has one CRS, but a {@code grid_stats} part file may hold cells of tiles in several UTM
 * zones. The metadata therefore states:
 * <ul>
 *   <li>{@code "crs"}: the PROJJSON of the file's CRS when all its rows share one that {@link ProjJson} knows;
 *       otherwise {@code null}, which GeoParquet defines as "undefined or unknown" (an absent {@code crs} would
 *       claim OGC:CRS84, which is wrong). The rows' {@code crs} column stays authoritative;
 *   <li>{@code "bbox"}: the file's extent {@code [xmin, ymin, xmax, ymax]} when all its rows share one CRS, and
 *       absent for mixed CRSs, where no single extent exists.
 * </ul>
 * Polygons are written counterclockwise with planar edges ({@link RectangleWkb}). Not thread-safe: one instance
 * per part file, used by that file's writer only.
 */
public final class GeoParquetMetadata {

    /** Key of the metadata in the Parquet footer's key-value metadata. */
    public static final String KEY = "geo";
    /** The GeoParquet specification version the files follow. */
    public static final String VERSION = "1.1.0";

    private static final JsonFactory JSON = new JsonFactory();

    private final String column;
    private final String geometryType;
    /** Whether the coordinates are WGS 84 longitude/latitude, GeoParquet's default CRS (no {@code crs} member). */
    private final boolean lonLat;
    private String crs;
    /** The CRS instance of the previous row. */
    private String lastCrs;
    private boolean mixedCrs;
    private double minX = Double.POSITIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;

    /** Metadata for the (primary and only) polygon column {@code column}. */
    public GeoParquetMetadata(String column) {
        this(column, "Polygon", false);
    }

    private GeoParquetMetadata(String column, String geometryType, boolean lonLat) {
        this.column = column;
        this.geometryType = geometryType;
        this.lonLat = lonLat;
    }

    /**
     * Metadata for the (primary and only) column {@code column} of WKB points in WGS 84 longitude/latitude, the
     * CRS GeoParquet assumes when a column states none (OGC:CRS84), so the metadata leaves {@code crs} out. Record
     * each point with {@link #add} as a degenerate box, under any CRS label.
     */
    public static GeoParquetMetadata lonLatPoints(String column) {
        return new GeoParquetMetadata(column, "Point", true);
    }

    /** Records one written polygon: its CRS ({@code AUTHORITY:CODE}) and extent. */
    public void add(String geometryCrs, double west, double south, double east, double north) {
        // Compared by content only when the instance changes: rows come in runs that share one CRS string.
        if (geometryCrs != lastCrs) {
            if (crs == null) {
                crs = geometryCrs;
            } else if (!crs.equals(geometryCrs)) {
                mixedCrs = true;
            }
            lastCrs = geometryCrs;
        }
        minX = Math.min(minX, west);
        minY = Math.min(minY, south);
        maxX = Math.max(maxX, east);
        maxY = Math.max(maxY, north);
    }

    /** The metadata value (JSON) for the polygons recorded so far. */
    public String toJson() {
        Optional<String> projJson = lonLat || crs == null || mixedCrs ? Optional.empty() : ProjJson.of(crs);
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("version", VERSION);
            json.writeStringField("primary_column", column);
            json.writeObjectFieldStart("columns");
            json.writeObjectFieldStart(column);
            json.writeStringField("encoding", "WKB");
            json.writeArrayFieldStart("geometry_types");
            json.writeString(geometryType);
            json.writeEndArray();
            if (!lonLat) {
                json.writeFieldName("crs");
                if (projJson.isPresent()) {
                    json.writeRawValue(projJson.get());
                } else {
                    json.writeNull();
                }
            }
            json.writeStringField("edges", "planar");
            if (!lonLat) {
                json.writeStringField("orientation", "counterclockwise");
            }
            if (crs != null && (lonLat || !mixedCrs)) {
                json.writeArrayFieldStart("bbox");
                json.writeNumber(minX);
                json.writeNumber(minY);
                json.writeNumber(maxX);
                json.writeNumber(maxY);
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the GeoParquet metadata of column " + column, e);
        }
        return out.toString();
    }
}
