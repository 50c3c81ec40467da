package dev.stacstream.job.points;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacstream.sinks.parquet.PointsTable;
import dev.stacstream.sinks.row.PointAttribute;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The input points of point extraction: a GeoJSON FeatureCollection of {@code Point} features in WGS 84
 * longitude/latitude (RFC 7946), each with a unique id and any properties, which become the
 * {@link PointAttribute attributes} of its output rows.
 *
 * <p>The id is the feature's {@code id} member, or the property named by {@code extract.point-id}; a string or an
 * integer, unique in the file. A property's column type is inferred from its values over all points
 * ({@link PointAttribute.Type}); a point without the property, or with {@code null}, gets {@code NULL}.
 *
 * <p>Immutable and {@link Serializable}: the plan, decode and sink operators each get a copy with the job graph.
 */
public final class PointSet implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESERVED_PREFIX = "input_";
    private static final double MAX_LONGITUDE = 180;
    private static final double MAX_LATITUDE = 90;

    private final String source;
    private final String[] ids;
    private final double[] lons;
    private final double[] lats;
    private final List<PointAttribute> attributes;
    /** Per attribute, per point: String, Long, Double, Boolean or null. */
    private final Object[][] values;
    private transient Map<String, Integer> byId;

    private PointSet(String source, String[] ids, double[] lons, double[] lats, List<PointAttribute> attributes,
            Object[][] values) {
        this.source = source;
        this.ids = ids;
        this.lons = lons;
        this.lats = lats;
        this.attributes = List.copyOf(attributes);
        this.values = values;
        this.byId = index(ids);
    }

    /**
     * Parses a GeoJSON FeatureCollection of points.
     *
     * @param source the file's name or URI, for messages
     * @param idProperty the property holding each point's id, or {@code null} for the features' {@code id}
     * @throws PointSetException naming the file, the feature and the problem
     */
    public static PointSet parse(String source, byte[] geoJson, String idProperty) {
        JsonNode root;
        try {
            root = JSON.readTree(geoJson);
        } catch (JsonProcessingException e) {
            throw new PointSetException(source, "is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new PointSetException(source, "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new PointSetException(source, "is not a GeoJSON FeatureCollection (its \"type\" is "
                    + (root != null && root.isObject() ? root.path("type") : "missing") + ")");
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new PointSetException(source, "has no \"features\" array");
        }
        int n = features.size();
        String[] ids = new String[n];
        double[] lons = new double[n];
        double[] lats = new double[n];
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<JsonNode>> properties = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            JsonNode feature = features.get(i);
            ids[i] = id(source, feature, i, idProperty);
            Integer first = seen.putIfAbsent(ids[i], i);
            if (first != null) {
                throw new PointSetException(source, "features " + first + " and " + i + " have the same id '" + ids[i]
                        + "'; point ids must be unique");
            }
            double[] lonLat = coordinates(source, feature, i, ids[i]);
            lons[i] = lonLat[0];
            lats[i] = lonLat[1];
            JsonNode props = feature.path("properties");
            if (props.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (!p.getKey().equals(idProperty)) {
                        properties.computeIfAbsent(p.getKey(), k -> new ArrayList<>(Collections.nCopies(n, null)))
                                .set(i, p.getValue());
                    }
                }
            }
        }
        List<PointAttribute> attributes = new ArrayList<>();
        Object[][] values = new Object[properties.size()][];
        int a = 0;
        for (Map.Entry<String, List<JsonNode>> p : properties.entrySet()) {
            PointAttribute.Type type = inferType(p.getValue());
            String column = PointsTable.FIXED_COLUMNS.contains(p.getKey()) ? RESERVED_PREFIX + p.getKey() : p.getKey();
            attributes.add(new PointAttribute(p.getKey(), column, type));
            values[a++] = convert(p.getValue(), type);
        }
        return new PointSet(source, ids, lons, lats, attributes, values);
    }

    private static String id(String source, JsonNode feature, int index, String idProperty) {
        if (!feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
            throw new PointSetException(source, "features[" + index + "] is not a GeoJSON Feature");
        }
        JsonNode id = idProperty == null ? feature.path("id") : feature.path("properties").path(idProperty);
        String what = idProperty == null ? "\"id\" member" : "id property '" + idProperty + "'";
        if (id.isTextual() && !id.asText().isBlank()) {
            return id.asText();
        }
        if (id.isIntegralNumber()) {
            return id.asText();
        }
        throw new PointSetException(source, "features[" + index + "] has no " + what + " (a non-blank string or an"
                + " integer)" + (idProperty == null ? "; name a property with extract.point-id" : ""));
    }

    private static double[] coordinates(String source, JsonNode feature, int index, String id) {
        JsonNode geometry = feature.path("geometry");
        String where = "feature '" + id + "' (features[" + index + "])";
        if (!geometry.isObject()) {
            throw new PointSetException(source, where + " has no geometry");
        }
        String type = geometry.path("type").asText();
        if (!"Point".equals(type)) {
            throw new PointSetException(source, where + " is a " + type + "; point extraction needs Point features");
        }
        JsonNode c = geometry.path("coordinates");
        if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw new PointSetException(source, where + " has no [longitude, latitude] coordinates");
        }
        double lon = c.get(0).asDouble();
        double lat = c.get(1).asDouble();
        if (!(Math.abs(lon) <= MAX_LONGITUDE) || !(Math.abs(lat) <= MAX_LATITUDE)) {
            throw new PointSetException(source, where + " has coordinates [" + lon + ", " + lat + "] outside WGS 84"
                    + " longitude [-180, 180] and latitude [-90, 90] (GeoJSON is longitude first)");
        }
        return new double[] {lon, lat};
    }

    static PointAttribute.Type inferType(List<JsonNode> values) {
        boolean bool = true;
        boolean integral = true;
        boolean number = true;
        boolean any = false;
        for (JsonNode v : values) {
            if (v == null || v.isNull()) {
                continue;
            }
            any = true;
            bool &= v.isBoolean();
            number &= v.isNumber();
            integral &= v.isIntegralNumber() && v.canConvertToLong();
        }
        if (!any) {
            return PointAttribute.Type.STRING;
        }
        if (bool) {
            return PointAttribute.Type.BOOLEAN;
        }
        if (integral) {
            return PointAttribute.Type.INT64;
        }
        return number ? PointAttribute.Type.DOUBLE : PointAttribute.Type.STRING;
    }

    private static Object[] convert(List<JsonNode> values, PointAttribute.Type type) {
        Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = values.get(i);
            if (v == null || v.isNull()) {
                continue;
            }
            out[i] = switch (type) {
                case BOOLEAN -> v.booleanValue();
                case INT64 -> v.longValue();
                case DOUBLE -> v.doubleValue();
                case STRING -> v.isTextual() ? v.textValue() : v.toString();
            };
        }
        return out;
    }

    private static Map<String, Integer> index(String[] ids) {
        Map<String, Integer> m = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            m.put(ids[i], i);
        }
        return m;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        byId = index(ids);
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

    /** The point with this id, if any. */
    public OptionalInt indexOf(String id) {
        Integer i = byId.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** The properties carried into the output, in order of first appearance in the file. */
    public List<PointAttribute> attributes() {
        return attributes;
    }

    /** Attribute {@code attribute}'s value at {@code point}: String, Long, Double, Boolean or {@code null}. */
    public Object value(int attribute, int point) {
        return values[attribute][point];
    }

    /** Every point's attribute values by point id, in {@link #attributes()} order, for the {@code points} table. */
    public Map<String, Object[]> valuesById() {
        Map<String, Object[]> out = new HashMap<>(ids.length * 2);
        for (int p = 0; p < ids.length; p++) {
            Object[] row = new Object[values.length];
            for (int a = 0; a < values.length; a++) {
                row[a] = values[a][p];
            }
            out.put(ids[p], row);
        }
        return out;
    }

    @Override
    public String toString() {
        return "PointSet{" + source + ", " + ids.length + " points, " + attributes.size() + " attributes}";
    }

    /** A points file that cannot be used, with a message naming the file and the problem. */
    public static final class PointSetException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        PointSetException(String source, String problem) {
            super("points file " + Objects.requireNonNull(source) + " " + problem);
        }
    }
}
