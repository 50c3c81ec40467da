package dev.stacstream.sinks.geo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PROJJSON (PROJ's JSON encoding of WKT2:2019) for the CRSs of the satellite grids this pipeline writes, as the
 * {@code crs} of GeoParquet's {@code geo} metadata: WGS 84 ({@code EPSG:4326}) and WGS 84 / UTM zones 1-60 north
 * ({@code EPSG:32601}-{@code 32660}) and south ({@code EPSG:32701}-{@code 32760}), the grids of Sentinel-2 and
 * Landsat Collection 2.
 *
 * <p>Without a PROJ database in the JVM, other CRSs have no PROJJSON here; {@link #of} returns empty for them and
 * the writer states the CRS as unknown ({@code null}), while the {@code crs} column still names it. The objects
 * equal what PROJ 9.1 (GDAL 3.6, {@code OSRExportToPROJJSON}) emits, less the optional usage members
 * {@code scope}, {@code area} and {@code bbox}; the tests compare against PROJ's output.
 */
public final class ProjJson {

    private static final String SCHEMA = "https://proj.org/schemas/v0.5/projjson.schema.json";
    private static final Pattern EPSG_CODE = Pattern.compile("EPSG:(\\d{1,9})", Pattern.CASE_INSENSITIVE);
    private static final JsonFactory JSON = new JsonFactory();

    private static final int WGS84_GEOGRAPHIC = 4326;
    private static final int WGS84_DATUM_ENSEMBLE = 6326;
    private static final int UTM_NORTH_BASE = 32600;
    private static final int UTM_SOUTH_BASE = 32700;
    private static final int UTM_ZONES = 60;
    private static final int UTM_ZONE_WIDTH_DEGREES = 6;
    /** Central meridian of zone z is {@code -183 + 6 z} degrees. */
    private static final int UTM_CENTRAL_MERIDIAN_OFFSET_DEGREES = -183;
    private static final double UTM_SCALE_FACTOR = 0.9996;
    private static final int UTM_FALSE_EASTING_METRES = 500_000;
    private static final int UTM_SOUTH_FALSE_NORTHING_METRES = 10_000_000;
    private static final int WGS84_SEMI_MAJOR_AXIS_METRES = 6_378_137;
    private static final double WGS84_INVERSE_FLATTENING = 298.257223563;

    /**
     * The realizations of the WGS 84 ensemble in PROJ 9.1's EPSG database: name suffix and EPSG code. Later
     * databases add newer ones (e.g. G2296); readers identify the CRS by its {@code id}, which does not change.
     */
    private static final List<Realization> WGS84_REALIZATIONS = List.of(
            new Realization("Transit", 1166), new Realization("G730", 1152), new Realization("G873", 1153),
            new Realization("G1150", 1154), new Realization("G1674", 1155), new Realization("G1762", 1156),
            new Realization("G2139", 1309));

    private record Realization(String name, int epsgCode) {}

    private ProjJson() {}

    /** The PROJJSON of {@code crs} ({@code AUTHORITY:CODE}, e.g. {@code EPSG:32629}), if this class knows it. */
    public static Optional<String> of(String crs) {
        Matcher m = EPSG_CODE.matcher(crs.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int code = Integer.parseInt(m.group(1));
        if (code == WGS84_GEOGRAPHIC) {
            return Optional.of(write(json -> geographic(json, true)));
        }
        for (int base : new int[] {UTM_NORTH_BASE, UTM_SOUTH_BASE}) {
            int zone = code - base;
            if (zone >= 1 && zone <= UTM_ZONES) {
                return Optional.of(write(json -> utm(json, code, zone, base == UTM_NORTH_BASE)));
            }
        }
        return Optional.empty();
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PROJJSON to a string", e);
        }
        return out.toString();
    }

    private static void utm(JsonGenerator json, int code, int zone, boolean north) throws IOException {
        String zoneName = "UTM zone " + zone + (north ? "N" : "S");
        json.writeStartObject();
        json.writeStringField("$schema", SCHEMA);
        json.writeStringField("type", "ProjectedCRS");
        json.writeStringField("name", "WGS 84 / " + zoneName);
        json.writeFieldName("base_crs");
        geographic(json, false);
        json.writeObjectFieldStart("conversion");
        json.writeStringField("name", zoneName);
        json.writeObjectFieldStart("method");
        json.writeStringField("name", "Transverse Mercator");
        id(json, 9807);
        json.writeEndObject();
        json.writeArrayFieldStart("parameters");
        parameter(json, "Latitude of natural origin", 0, "degree", 8801);
        parameter(json, "Longitude of natural origin",
                UTM_CENTRAL_MERIDIAN_OFFSET_DEGREES + UTM_ZONE_WIDTH_DEGREES * zone, "degree", 8802);
        parameter(json, "Scale factor at natural origin", UTM_SCALE_FACTOR, "unity", 8805);
        parameter(json, "False easting", UTM_FALSE_EASTING_METRES, "metre", 8806);
        parameter(json, "False northing", north ? 0 : UTM_SOUTH_FALSE_NORTHING_METRES, "metre", 8807);
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectFieldStart("coordinate_system");
        json.writeStringField("subtype", "Cartesian");
        json.writeArrayFieldStart("axis");
        axis(json, "Easting", "E", "east", "metre");
        axis(json, "Northing", "N", "north", "metre");
        json.writeEndArray();
        json.writeEndObject();
        id(json, code);
        json.writeEndObject();
    }

    /** WGS 84 geographic; as a top-level CRS it carries {@code $schema} and {@code type}, as a base CRS neither. */
    private static void geographic(JsonGenerator json, boolean topLevel) throws IOException {
        json.writeStartObject();
        if (topLevel) {
            json.writeStringField("$schema", SCHEMA);
            json.writeStringField("type", "GeographicCRS");
        }
        json.writeStringField("name", "WGS 84");
        json.writeObjectFieldStart("datum_ensemble");
        json.writeStringField("name", "World Geodetic System 1984 ensemble");
        json.writeArrayFieldStart("members");
        for (Realization realization : WGS84_REALIZATIONS) {
            json.writeStartObject();
            json.writeStringField("name", "World Geodetic System 1984 (" + realization.name() + ")");
            id(json, realization.epsgCode());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("ellipsoid");
        json.writeStringField("name", "WGS 84");
        json.writeNumberField("semi_major_axis", WGS84_SEMI_MAJOR_AXIS_METRES);
        json.writeNumberField("inverse_flattening", WGS84_INVERSE_FLATTENING);
        json.writeEndObject();
        json.writeStringField("accuracy", "2.0");
        id(json, WGS84_DATUM_ENSEMBLE);
        json.writeEndObject();
        json.writeObjectFieldStart("coordinate_system");
        json.writeStringField("subtype", "ellipsoidal");
        json.writeArrayFieldStart("axis");
        axis(json, "Geodetic latitude", "Lat", "north", "degree");
        axis(json, "Geodetic longitude", "Lon", "east", "degree");
        json.writeEndArray();
        json.writeEndObject();
        id(json, WGS84_GEOGRAPHIC);
        json.writeEndObject();
    }

    private static void parameter(JsonGenerator json, String name, Number value, String unit, int code)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeFieldName("value");
        if (value instanceof Integer i) {
            json.writeNumber(i);
        } else {
            json.writeNumber(value.doubleValue());
        }
        json.writeStringField("unit", unit);
        id(json, code);
        json.writeEndObject();
    }

    private static void axis(JsonGenerator json, String name, String abbreviation, String direction, String unit)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("abbreviation", abbreviation);
        json.writeStringField("direction", direction);
        json.writeStringField("unit", unit);
        json.writeEndObject();
    }

    private static void id(JsonGenerator json, int code) throws IOException {
        json.writeObjectFieldStart("id");
        json.writeStringField("authority", "EPSG");
        json.writeNumberField("code", code);
        json.writeEndObject();
    }
}
