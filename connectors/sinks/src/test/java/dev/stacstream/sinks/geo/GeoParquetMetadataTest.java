package dev.stacstream.sinks.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeoParquetMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneKnownCrsGivesItsProjJsonAndTheFileExtent() throws IOException {
        GeoParquetMetadata geo = new GeoParquetMetadata("geometry");
        geo.add("EPSG:32629", 499_980, 4_199_940, 500_040, 4_200_000);
        // An equal copy of the CRS string, as the next chunk of rows brings, is the same CRS.
        geo.add(new String("EPSG:32629"), 500_040, 4_199_880, 500_100, 4_199_940);

        JsonNode json = JSON.readTree(geo.toJson());

        assertThat(json.get("version").asText()).isEqualTo("1.1.0");
        assertThat(json.get("primary_column").asText()).isEqualTo("geometry");
        assertThat(json.get("columns").size()).isEqualTo(1);
        JsonNode column = json.at("/columns/geometry");
        assertThat(column.get("encoding").asText()).isEqualTo("WKB");
        assertThat(column.get("geometry_types")).containsExactly(JSON.getNodeFactory().textNode("Polygon"));
        assertThat(column.get("crs")).isEqualTo(JSON.readTree(ProjJson.of("EPSG:32629").orElseThrow()));
        assertThat(column.get("edges").asText()).isEqualTo("planar");
        assertThat(column.get("orientation").asText()).isEqualTo("counterclockwise");
        assertThat(doubles(column.get("bbox"))).containsExactly(499_980.0, 4_199_880.0, 500_100.0, 4_200_000.0);
    }

    @Test
    void severalCrssGiveAnExplicitNullCrsAndNoExtent() throws IOException {
        GeoParquetMetadata geo = new GeoParquetMetadata("geometry");
        geo.add("EPSG:32629", 0, 0, 60, 60);
        geo.add("EPSG:32630", 0, 0, 60, 60);
        geo.add(new String("EPSG:32629"), 0, 0, 60, 60);

        JsonNode column = JSON.readTree(geo.toJson()).at("/columns/geometry");

        // A missing crs would mean OGC:CRS84; null means "unknown".
        assertThat(column.has("crs")).isTrue();
        assertThat(column.get("crs").isNull()).isTrue();
        assertThat(column.has("bbox")).isFalse();
    }

    @Test
    void oneCrsWithoutProjJsonGivesANullCrsButKeepsTheExtent() throws IOException {
        GeoParquetMetadata geo = new GeoParquetMetadata("geometry");
        geo.add("EPSG:3035", 4_321_000, 3_210_000, 4_321_100, 3_210_100);

        JsonNode column = JSON.readTree(geo.toJson()).at("/columns/geometry");

        assertThat(column.get("crs").isNull()).isTrue();
        assertThat(doubles(column.get("bbox"))).containsExactly(4_321_000.0, 3_210_000.0, 4_321_100.0, 3_210_100.0);
    }

    private static List<Double> doubles(JsonNode array) {
        assertThat(array).as("bbox").isNotNull();
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asDouble).toList();
    }
}
