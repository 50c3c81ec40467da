package dev.stacstream.job.polygons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.geo.PixelSpan;
import dev.stacstream.sinks.row.FeatureAttribute;
import dev.stacstream.sinks.row.FeatureAttribute.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolygonSetTest {

    /** A 0.001 x 0.001 degree square at (lon, lat) as a GeoJSON ring. */
    private static String square(double lon, double lat) {
        return "[[" + lon + ", " + lat + "], [" + (lon + 0.001) + ", " + lat + "], [" + (lon + 0.001) + ", " + (lat + 0.001)
                + "], [" + lon + ", " + (lat + 0.001) + "], [" + lon + ", " + lat + "]]";
    }

    private static PolygonSet parse(String features, String idProperty) {
        String json = "{\"type\": \"FeatureCollection\", \"features\": [" + features + "]}";
        return PolygonSet.parse("parcels.geojson", json.getBytes(StandardCharsets.UTF_8), idProperty);
    }

    @Test
    void readsPolygonsAndMultiPolygonsWithAuxAttributes() {
        PolygonSet set = parse("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": ["
                + square(0, 0) + "]}, \"properties\": {\"pid\": \"A\", \"crop\": \"wheat\", \"ha\": 1.5}},"
                + "{\"type\": \"Feature\", \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": [[" + square(0.01, 0)
                + "], [" + square(0.02, 0) + "]]}, \"properties\": {\"pid\": 7, \"crop\": null, \"ha\": 3}}", "pid");

        assertThat(set.size()).isEqualTo(2);
        assertThat(set.id(0)).isEqualTo("A");
        assertThat(set.id(1)).isEqualTo("7");
        assertThat(set.attributes()).containsExactly(new FeatureAttribute("crop", "aux_crop", Type.STRING),
                new FeatureAttribute("ha", "aux_ha", Type.DOUBLE));
        assertThat(set.valuesById().get("7")).containsExactly(null, 3.0);
        // On a WGS 84 grid of 0.0001-degree pixels from (0, 0.001) down, the square covers 10 x 10 pixels.
        double[] gt = {0, 0.0001, 0, 0.001, 0, -0.0001};
        List<PixelSpan> spans = set.shape(0).spans(4326, gt, 400, 10);
        assertThat(spans).hasSize(10).allSatisfy(s -> assertThat(s.colEnd() - s.colStart()).isEqualTo(10));
        assertThat(set.shape(1).spans(4326, gt, 400, 10)).hasSize(20);
    }

    @Test
    void badGeometriesAreRefusedNamingTheFeature() {
        assertThatThrownBy(() -> parse("{\"type\": \"Feature\", \"id\": \"L\", \"geometry\": {\"type\": \"LineString\","
                + " \"coordinates\": [[0, 0], [1, 1]]}}", null))
                .hasMessage("polygons file parcels.geojson feature 'L' (features[0]) is a LineString; pixel extraction"
                        + " needs Polygon or MultiPolygon features");
        assertThatThrownBy(() -> parse("{\"type\": \"Feature\", \"id\": \"R\", \"geometry\": {\"type\": \"Polygon\","
                + " \"coordinates\": [[[0, 0], [1, 1], [0, 0]]]}}", null))
                .hasMessageContaining("feature 'R' (features[0]) has a ring of 3 positions; a linear ring needs at least 4");
        assertThatThrownBy(() -> parse("{\"type\": \"Feature\", \"id\": \"S\", \"geometry\": {\"type\": \"Polygon\","
                + " \"coordinates\": [[[0, 0], [1, 0], [1, 95], [0, 0]]]}}", null))
                .hasMessageContaining("position [1.0, 95.0] outside WGS 84");
        assertThatThrownBy(() -> parse("{\"type\": \"Feature\", \"id\": \"T\", \"geometry\": {\"type\": \"Polygon\","
                + " \"coordinates\": []}}", null)).hasMessageContaining("has a polygon without rings");
        assertThatThrownBy(() -> parse("{\"type\": \"Feature\", \"id\": \"U\", \"geometry\": {\"type\": \"Polygon\","
                + " \"coordinates\": [[[0, 0], [1, 0], \"x\", [0, 0]]]}}", null))
                .hasMessageContaining("has a position that is not [longitude, latitude]: \"x\"");
    }
}
