package dev.stacstream.job.polygons;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stacstream.cog.geo.PolygonRasterizer;
import dev.stacstream.job.features.FeatureFile;
import dev.stacstream.job.features.FeatureFiles;
import dev.stacstream.job.features.FeatureSet;
import dev.stacstream.storage.StorageOptions;
import java.io.Serializable;
import java.net.URI;

/**
 * The input polygons of pixel extraction (seed 000's reference polygons): a GeoJSON FeatureCollection of
 * {@code Polygon} and {@code MultiPolygon} features in WGS 84 longitude/latitude, each with a unique id and any
 * properties, which become {@code aux_<name>} columns of its pixels' rows.
 *
 * <p>Immutable and {@link Serializable}: the plan, decode and sink operators each get a copy with the job graph.
 */
public final class PolygonSet extends FeatureSet {

    private static final long serialVersionUID = 1L;
    private static final String KIND = "polygons";
    /** Prefix of the polygons' attribute columns, as eo-box names its auxiliary columns. */
    public static final String AUX_PREFIX = "aux_";

    private final PolygonRasterizer[] shapes;

    private PolygonSet(FeatureFile file, PolygonRasterizer[] shapes) {
        super(file);
        this.shapes = shapes;
    }

    /** Reads and parses the polygons file at {@code uri}. */
    public static PolygonSet load(URI uri, String idProperty, StorageOptions storage) {
        return parse(uri.toString(), FeatureFiles.read(KIND, uri, storage), idProperty);
    }

    /**
     * Parses a GeoJSON FeatureCollection of polygons.
     *
     * @param idProperty the property holding each polygon's id, or {@code null} for the features' {@code id}
     * @throws dev.stacstream.job.features.FeatureFileException naming the file, the feature and the problem
     */
    public static PolygonSet parse(String source, byte[] geoJson, String idProperty) {
        FeatureFile file = FeatureFile.parse(KIND, source, geoJson, idProperty, name -> AUX_PREFIX + name);
        PolygonRasterizer[] shapes = new PolygonRasterizer[file.size()];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = PolygonRasterizer.ofLonLat(polygons(file, i));
        }
        return new PolygonSet(file, shapes);
    }

    /** Feature {@code index}'s geometry as {@code [polygon][ring][vertex] = {lon, lat}}. */
    private static double[][][][] polygons(FeatureFile file, int index) {
        JsonNode geometry = file.geometry(index);
        if (!geometry.isObject()) {
            throw file.problem(index, "has no geometry");
        }
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        if (!coordinates.isArray()) {
            throw file.problem(index, "has no coordinates");
        }
        return switch (type) {
            case "Polygon" -> new double[][][][] {polygon(file, index, coordinates)};
            case "MultiPolygon" -> {
                double[][][][] parts = new double[coordinates.size()][][][];
                for (int p = 0; p < parts.length; p++) {
                    parts[p] = polygon(file, index, coordinates.get(p));
                }
                yield parts;
            }
            default -> throw file.problem(index, "is a " + type + "; pixel extraction needs Polygon or MultiPolygon"
                    + " features");
        };
    }

    private static double[][][] polygon(FeatureFile file, int index, JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw file.problem(index, "has a polygon without rings");
        }
        double[][][] out = new double[rings.size()][][];
        for (int r = 0; r < out.length; r++) {
            JsonNode ring = rings.get(r);
            if (!ring.isArray() || ring.size() < 4) {
                throw file.problem(index, "has a ring of " + ring.size() + " positions; a linear ring needs at least 4");
            }
            out[r] = new double[ring.size()][];
            for (int v = 0; v < out[r].length; v++) {
                out[r][v] = file.lonLat(index, ring.get(v));
            }
        }
        return out;
    }

    /** Polygon {@code polygon}'s shape, to put on a pixel grid. */
    public PolygonRasterizer shape(int polygon) {
        return shapes[polygon];
    }
}
