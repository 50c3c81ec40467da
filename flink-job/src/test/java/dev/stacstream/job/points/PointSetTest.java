package dev.stacstream.job.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.sinks.row.FeatureAttribute;
import dev.stacstream.sinks.row.FeatureAttribute.Type;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PointSetTest {

    private static PointSet parse(String json, String idProperty) {
        return PointSet.parse("pts.geojson", json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), idProperty);
    }

    private static String feature(String id, double lon, double lat, String properties) {
        return "{'type': 'Feature', " + (id == null ? "" : "'id': " + id + ", ")
                + "'geometry': {'type': 'Point', 'coordinates': [" + lon + ", " + lat + "]}, 'properties': " + properties + "}";
    }

    private static String collection(String... features) {
        return "{'type': 'FeatureCollection', 'features': [" + String.join(", ", features) + "]}";
    }

    @Test
    void readsIdsCoordinatesAndTypedAttributes() {
        PointSet set = parse(collection(
                feature("'a'", 15.1, 53.2, "{'crop': 'wheat', 'parcel': 12, 'w': 1.5, 'irr': true, 'mixed': 1, 'band': 'x'}"),
                feature("7", -3.5, -10.25, "{'crop': null, 'parcel': 9007199254740993, 'w': 2, 'irr': false, 'mixed': 'b',"
                        + " 'extra': {'k': [1, 2]}}")), null);
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.id(0)).isEqualTo("a");
        assertThat(set.id(1)).isEqualTo("7");
        assertThat(set.lon(1)).isEqualTo(-3.5);
        assertThat(set.lat(1)).isEqualTo(-10.25);
        assertThat(set.attributes()).containsExactly(
                new FeatureAttribute("crop", "crop", Type.STRING),
                new FeatureAttribute("parcel", "parcel", Type.INT64),
                new FeatureAttribute("w", "w", Type.DOUBLE),
                new FeatureAttribute("irr", "irr", Type.BOOLEAN),
                new FeatureAttribute("mixed", "mixed", Type.STRING),
                // "band" is a column of the points table: the attribute gets a prefix.
                new FeatureAttribute("band", "input_band", Type.STRING),
                new FeatureAttribute("extra", "extra", Type.STRING));
        assertThat(set.valuesById().get("7")).containsExactly(null, 9007199254740993L, 2.0, false, "b", null,
                "{\"k\":[1,2]}");
        assertThat(set.valuesById().get("a")).containsExactly("wheat", 12L, 1.5, true, "1", "x", null);
    }

    @Test
    void anIdPropertyNamesTheIdAndIsNotAnAttribute() {
        PointSet set = parse(collection(feature(null, 1, 2, "{'sample_id': 'p1', 'crop': 'maize'}"),
                feature(null, 3, 4, "{'sample_id': 42}")), "sample_id");
        assertThat(set.id(0)).isEqualTo("p1");
        assertThat(set.id(1)).isEqualTo("42");
        assertThat(set.attributes()).extracting(FeatureAttribute::property).containsExactly("crop");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        PointSet set = parse(collection(feature("'a'", 1, 2, "{}"), feature("'b'", 3, 4, "{}")), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(set);
        }
        PointSet copy = (PointSet) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertThat(copy.id(1)).isEqualTo("b");
        assertThat(copy.lat(1)).isEqualTo(4);
        assertThat(copy.valuesById()).containsOnlyKeys("a", "b");
    }

    @Test
    void badFilesAreRefusedNamingTheFileTheFeatureAndTheProblem() {
        assertThatThrownBy(() -> parse("{'type': 'Feature", null)).hasMessageStartingWith("points file pts.geojson is not"
                + " valid JSON");
        assertThatThrownBy(() -> parse("{'type': 'Feature'}", null)).hasMessageContaining("is not a GeoJSON"
                + " FeatureCollection");
        assertThatThrownBy(() -> parse(collection(feature("'a'", 1, 2, "{}"), "{'type': 'Feature', 'id': 'b',"
                + " 'geometry': {'type': 'Polygon', 'coordinates': []}}"), null))
                .hasMessage("points file pts.geojson feature 'b' (features[1]) is a Polygon; point extraction needs Point"
                        + " features");
        assertThatThrownBy(() -> parse(collection(feature("'a'", 1, 2, "{}"), feature("'a'", 3, 4, "{}")), null))
                .hasMessageContaining("features 0 and 1 have the same id 'a'");
        assertThatThrownBy(() -> parse(collection(feature(null, 1, 2, "{}")), null))
                .hasMessageContaining("features[0] has no \"id\" member (a non-blank string or an integer)")
                .hasMessageContaining("extract.point-id");
        assertThatThrownBy(() -> parse(collection(feature(null, 1, 2, "{'sid': 1.5}")), "sid"))
                .hasMessageContaining("features[0] has no id property 'sid'");
        assertThatThrownBy(() -> parse(collection(feature("'a'", 53.2, 181, "{}")), null))
                .hasMessageContaining("[53.2, 181.0] outside WGS 84").hasMessageContaining("longitude first");
        assertThatThrownBy(() -> parse(collection("{'type': 'Feature', 'id': 'a', 'geometry': null}"), null))
                .hasMessageContaining("feature 'a' (features[0]) has no geometry");
    }
}
