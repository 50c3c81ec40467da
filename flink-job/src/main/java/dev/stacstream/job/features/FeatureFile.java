package dev.stacstream.job.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacstream.sinks.row.FeatureAttribute;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A GeoJSON FeatureCollection (RFC 7946) of input features, parsed once when the job is built: each feature's unique
 * id, its geometry (left to the caller to read) and its properties as typed attribute columns.
 *
 * <p>The id is the feature's {@code id} member, or the property named by {@code idProperty}; a non-blank string or
 * an integer, unique in the file. A property's column type is inferred from its values over all features
 * ({@link FeatureAttribute.Type}); a feature without the property, or with {@code null}, gets {@code NULL}. Errors
 * name the file, the feature and the problem ({@link FeatureFileException}).
 */
public final class FeatureFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MAX_LONGITUDE = 180;
    private static final double MAX_LATITUDE = 90;

    private final String kind;
    private final String source;
    private final String[] ids;
    private final JsonNode[] geometries;
    private final List<FeatureAttribute> attributes;
    private final Object[][] values;

    private FeatureFile(String kind, String source, String[] ids, JsonNode[] geometries, List<FeatureAttribute> attributes,
            Object[][] values) {
        this.kind = kind;
        this.source = source;
        this.ids = ids;
        this.geometries = geometries;
        this.attributes = List.copyOf(attributes);
        this.values = values;
    }

    /**
     * Parses a FeatureCollection.
     *
     * @param kind what the features are, for messages ({@code points}, {@code polygons})
     * @param source the file's name or URI, for messages
     * @param idProperty the property holding each feature's id, or {@code null} for the features' {@code id}
     * @param columnName the output column of a property
     * @throws FeatureFileException naming the file, the feature and the problem
     */
    public static FeatureFile parse(String kind, String source, byte[] geoJson, String idProperty,
            UnaryOperator<String> columnName) {
        JsonNode root;
        try {
            root = JSON.readTree(geoJson);
        } catch (JsonProcessingException e) {
            throw new FeatureFileException(kind, source, "is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new FeatureFileException(kind, source, "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new FeatureFileException(kind, source, "is not a GeoJSON FeatureCollection (its \"type\" is "
                    + (root != null && root.isObject() ? root.path("type") : "missing") + ")");
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new FeatureFileException(kind, source, "has no \"features\" array");
        }
        int n = features.size();
        if (n == 0) {
            throw new FeatureFileException(kind, source, "has no features");
        }
        String[] ids = new String[n];
        JsonNode[] geometries = new JsonNode[n];
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<JsonNode>> properties = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            JsonNode feature = features.get(i);
            ids[i] = id(kind, source, feature, i, idProperty);
            Integer first = seen.putIfAbsent(ids[i], i);
            if (first != null) {
                throw new FeatureFileException(kind, source, "features " + first + " and " + i + " have the same id '"
                        + ids[i] + "'; ids must be unique");
            }
            geometries[i] = feature.path("geometry");
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
        List<FeatureAttribute> attributes = new ArrayList<>();
        Object[][] values = new Object[properties.size()][];
        int a = 0;
        for (Map.Entry<String, List<JsonNode>> p : properties.entrySet()) {
            FeatureAttribute.Type type = inferType(p.getValue());
            attributes.add(new FeatureAttribute(p.getKey(), columnName.apply(p.getKey()), type));
            values[a++] = convert(p.getValue(), type);
        }
        return new FeatureFile(kind, source, ids, geometries, attributes, values);
    }

    private static String id(String kind, String source, JsonNode feature, int index, String idProperty) {
        if (!feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
            throw new FeatureFileException(kind, source, "features[" + index + "] is not a GeoJSON Feature");
        }
        JsonNode id = idProperty == null ? feature.path("id") : feature.path("properties").path(idProperty);
        String what = idProperty == null ? "\"id\" member" : "id property '" + idProperty + "'";
        if (id.isTextual() && !id.asText().isBlank() || id.isIntegralNumber()) {
            return id.asText();
        }
        throw new FeatureFileException(kind, source, "features[" + index + "] has no " + what + " (a non-blank string"
                + " or an integer)" + (idProperty == null ? "; name a property with extract.point-id or"
                + " extract.polygon-id" : ""));
    }

    static FeatureAttribute.Type inferType(List<JsonNode> values) {
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
            return FeatureAttribute.Type.STRING;
        }
        if (bool) {
            return FeatureAttribute.Type.BOOLEAN;
        }
        if (integral) {
            return FeatureAttribute.Type.INT64;
        }
        return number ? FeatureAttribute.Type.DOUBLE : FeatureAttribute.Type.STRING;
    }

    private static Object[] convert(List<JsonNode> values, FeatureAttribute.Type type) {
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

    /**
     * Each feature's attribute values by id, {@code ids[f] -> {values[0][f], values[1][f], ...}}: the form the output
     * tables look a feature's columns up in.
     */
    public static Map<String, Object[]> rowsById(String[] ids, Object[][] values) {
        Map<String, Object[]> out = new HashMap<>(ids.length * 2);
        for (int f = 0; f < ids.length; f++) {
            Object[] row = new Object[values.length];
            for (int a = 0; a < values.length; a++) {
                row[a] = values[a][f];
            }
            out.put(ids[f], row);
        }
        return out;
    }

    /**
     * A GeoJSON position of feature {@code index} as {@code {lon, lat}}, checked to be WGS 84 longitude/latitude.
     *
     * @throws FeatureFileException naming the feature when it is not
     */
    public double[] lonLat(int index, JsonNode position) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw problem(index, "has a position that is not [longitude, latitude]: " + position);
        }
        double lon = position.get(0).asDouble();
        double lat = position.get(1).asDouble();
        if (!(Math.abs(lon) <= MAX_LONGITUDE) || !(Math.abs(lat) <= MAX_LATITUDE)) {
            throw problem(index, "has a position [" + lon + ", " + lat + "] outside WGS 84 longitude [-180, 180] and"
                    + " latitude [-90, 90] (GeoJSON is longitude first)");
        }
        return new double[] {lon, lat};
    }

    /** A problem with feature {@code index} of this file, naming it. */
    public FeatureFileException problem(int index, String problem) {
        return new FeatureFileException(kind, source, "feature '" + ids[index] + "' (features[" + index + "]) " + problem);
    }

    public String source() {
        return source;
    }

    public int size() {
        return ids.length;
    }

    public String[] ids() {
        return ids.clone();
    }

    /** Feature {@code index}'s geometry member (a missing node when absent). */
    public JsonNode geometry(int index) {
        return geometries[index];
    }

    public List<FeatureAttribute> attributes() {
        return attributes;
    }

    /** The attribute values, {@code [attribute][feature]}: String, Long, Double, Boolean or null. */
    public Object[][] values() {
        Object[][] copy = new Object[values.length][];
        for (int a = 0; a < values.length; a++) {
            copy[a] = values[a].clone();
        }
        return copy;
    }
}
