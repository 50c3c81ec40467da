package dev.stacstream.job.points;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stacstream.job.config.PointsConfig;
import dev.stacstream.job.features.FeatureFile;
import dev.stacstream.job.features.FeatureFileException;
import dev.stacstream.job.features.FeatureFiles;
import dev.stacstream.sinks.parquet.PointsTable;
import dev.stacstream.sinks.row.FeatureAttribute;
import dev.stacstream.storage.StorageOptions;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The input points of point extraction: a GeoJSON FeatureCollection of {@code Point} features in WGS 84
 * longitude/latitude (RFC 7946), each with a unique id and any properties, which become the
 * {@link FeatureAttribute attributes} of its output rows.
 *
 * <p>The id is the feature's {@code id} member, or the property named by {@code extract.point-id}; a string or an
 * integer, unique in the file. A property's column type is inferred from its values over all points
 * ({@link FeatureAttribute.Type}); a point without the property, or with {@code null}, gets {@code NULL}.
 *
 * <p>Immutable and {@link Serializable}: the plan, decode and sink operators each get a copy with the job graph.
 */
public final class PointSet implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String KIND = "points";
    private static final String RESERVED_PREFIX = "input_";
    private static final double MAX_LONGITUDE = 180;
    private static final double MAX_LATITUDE = 90;

    private final String source;
    private final String[] ids;
    private final double[] lons;
    private final double[] lats;
    private final List<FeatureAttribute> attributes;
    /** Per attribute, per point: String, Long, Double, Boolean or null. */
    private final Object[][] values;

    private PointSet(String source, String[] ids, double[] lons, double[] lats, List<FeatureAttribute> attributes,
            Object[][] values) {
        this.source = source;
        this.ids = ids;
        this.lons = lons;
        this.lats = lats;
        this.attributes = List.copyOf(attributes);
        this.values = values;
    }

    /**
     * Reads and parses the points of {@code config}.
     *
     * @throws FeatureFileException naming the file when it cannot be read or is not a usable FeatureCollection of
     *     points
     */
    public static PointSet load(PointsConfig config, StorageOptions storage) {
        return parse(config.points().toString(), FeatureFiles.read(KIND, config.points(), storage), config.idProperty());
    }

    /**
     * Parses a GeoJSON FeatureCollection of points.
     *
     * @param source the file's name or URI, for messages
     * @param idProperty the property holding each point's id, or {@code null} for the features' {@code id}
     * @throws FeatureFileException naming the file, the feature and the problem
     */
    public static PointSet parse(String source, byte[] geoJson, String idProperty) {
        FeatureFile file = FeatureFile.parse(KIND, source, geoJson, idProperty,
                name -> PointsTable.FIXED_COLUMNS.contains(name) ? RESERVED_PREFIX + name : name);
        int n = file.size();
        double[] lons = new double[n];
        double[] lats = new double[n];
        for (int i = 0; i < n; i++) {
            double[] lonLat = coordinates(file, i);
            lons[i] = lonLat[0];
            lats[i] = lonLat[1];
        }
        return new PointSet(source, file.ids(), lons, lats, file.attributes(), file.values());
    }

    private static double[] coordinates(FeatureFile file, int index) {
        JsonNode geometry = file.geometry(index);
        if (!geometry.isObject()) {
            throw file.problem(index, "has no geometry");
        }
        String type = geometry.path("type").asText();
        if (!"Point".equals(type)) {
            throw file.problem(index, "is a " + type + "; point extraction needs Point features");
        }
        JsonNode c = geometry.path("coordinates");
        if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw file.problem(index, "has no [longitude, latitude] coordinates");
        }
        double lon = c.get(0).asDouble();
        double lat = c.get(1).asDouble();
        if (!(Math.abs(lon) <= MAX_LONGITUDE) || !(Math.abs(lat) <= MAX_LATITUDE)) {
            throw file.problem(index, "has coordinates [" + lon + ", " + lat + "] outside WGS 84 longitude [-180, 180]"
                    + " and latitude [-90, 90] (GeoJSON is longitude first)");
        }
        return new double[] {lon, lat};
    }

    /** The file or URI the points came from. */
    public String source() {
        return source;
    }

    public int size() {
        return ids.length;
    }

    public String id(int point) {
        return ids[point];
    }

    public double lon(int point) {
        return lons[point];
    }

    public double lat(int point) {
        return lats[point];
    }

    /** The properties carried into the output, in order of first appearance in the file. */
    public List<FeatureAttribute> attributes() {
        return attributes;
    }

    /** Every point's attribute values by point id, in {@link #attributes()} order, for the {@code points} table. */
    public Map<String, Object[]> valuesById() {
        return FeatureFile.rowsById(ids, values);
    }

    @Override
    public String toString() {
        return "PointSet{" + source + ", " + ids.length + " points, " + attributes.size() + " attributes}";
    }
}
