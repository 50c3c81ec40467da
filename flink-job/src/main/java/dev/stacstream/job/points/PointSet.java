package dev.stacstream.job.points;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stacstream.job.config.PointsConfig;
import dev.stacstream.job.features.FeatureFile;
import dev.stacstream.job.features.FeatureFileException;
import dev.stacstream.job.features.FeatureFiles;
import dev.stacstream.job.features.FeatureSet;
import dev.stacstream.sinks.parquet.PointsTable;
import dev.stacstream.sinks.row.FeatureAttribute;
import dev.stacstream.storage.StorageOptions;
import java.io.Serializable;

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
public final class PointSet extends FeatureSet {

    private static final long serialVersionUID = 1L;
    private static final String KIND = "points";
    private static final String RESERVED_PREFIX = "input_";

    private final double[] lons;
    private final double[] lats;

    private PointSet(FeatureFile file, double[] lons, double[] lats) {
        super(file);
        this.lons = lons;
        this.lats = lats;
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
        return new PointSet(file, lons, lats);
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
        return file.lonLat(index, geometry.path("coordinates"));
    }

    public double lon(int point) {
        return lons[point];
    }

    public double lat(int point) {
        return lats[point];
    }
}
